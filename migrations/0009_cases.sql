-- Detention cases and the legal clock. A case is known to the group only by its pseudonymous
-- reference (sealed); event times drive the deadlines of config/jurisdictions/*.yaml. What the
-- lawyer needs is sealed under the case's own key, itself sealed under the group's key, so
-- deleting a case makes its details unreadable.

CREATE TABLE cases (
  group_id         INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  id               INTEGER NOT NULL,
  ref_enc          BLOB NOT NULL,
  centre_id        TEXT NOT NULL,
  state            TEXT NOT NULL CHECK (state IN ('open', 'closed')),
  placed_at        INTEGER NOT NULL,
  oqtf_at          INTEGER,
  asylum_rights_at INTEGER,
  order_at         INTEGER,
  measure_at       INTEGER,
  second_measure   INTEGER NOT NULL DEFAULT 0 CHECK (second_measure IN (0, 1)),
  opener_bidx      BLOB NOT NULL,
  -- the case's own key, wrapped by the group key (vault sub-key); NULLed first when purged
  key_wrapped      BLOB,
  -- what the lawyer needs (registered identity, date of birth, file number…), under the case key
  details_enc      BLOB,
  outcome          TEXT CHECK (outcome IN ('released', 'deported', 'transferred', 'other')),
  -- the centre a transfer went to, under the group key
  outcome_enc      BLOB,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  closed_at        INTEGER,
  PRIMARY KEY (group_id, id),
  CHECK ((state = 'closed') = (closed_at IS NOT NULL))
) STRICT;

CREATE INDEX cases_closed ON cases (closed_at) WHERE closed_at IS NOT NULL;

CREATE TABLE case_hearings (
  id             INTEGER PRIMARY KEY,
  group_id       INTEGER NOT NULL,
  case_id        INTEGER NOT NULL,
  at             INTEGER NOT NULL,
  place_enc      BLOB,
  -- the attendance task created for it
  request_number INTEGER,
  created_at     INTEGER NOT NULL,
  FOREIGN KEY (group_id, case_id) REFERENCES cases (group_id, id) ON DELETE CASCADE
) STRICT;

CREATE INDEX case_hearings_by_case ON case_hearings (group_id, case_id);

-- Requests attached to a case (/lawyer R-12, hearing attendance).
CREATE TABLE case_requests (
  group_id INTEGER NOT NULL,
  number   INTEGER NOT NULL,
  case_id  INTEGER NOT NULL,
  role     TEXT NOT NULL CHECK (role IN ('lawyer', 'hearing')),
  PRIMARY KEY (group_id, number),
  FOREIGN KEY (group_id, case_id) REFERENCES cases (group_id, id) ON DELETE CASCADE,
  FOREIGN KEY (group_id, number) REFERENCES requests (group_id, number) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE INDEX case_requests_by_case ON case_requests (group_id, case_id);

-- Every reveal of a case's details: who and when, never what.
CREATE TABLE case_reveals (
  id             INTEGER PRIMARY KEY,
  group_id       INTEGER NOT NULL,
  case_id        INTEGER NOT NULL,
  member_bidx    BLOB NOT NULL,
  -- the claimed lawyer request it was revealed for; NULL for a coordinator's /details show
  request_number INTEGER,
  revealed_at    INTEGER NOT NULL,
  FOREIGN KEY (group_id, case_id) REFERENCES cases (group_id, id) ON DELETE CASCADE
) STRICT;

CREATE UNIQUE INDEX case_reveals_once ON case_reveals (group_id, request_number) WHERE request_number IS NOT NULL;

-- A /details dialogue in progress in a member's direct chat (answers so far, under the case key).
CREATE TABLE case_dialogues (
  member_bidx BLOB PRIMARY KEY,
  group_id    INTEGER NOT NULL,
  case_id     INTEGER NOT NULL,
  step        INTEGER NOT NULL,
  lang        TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
  answers_enc BLOB,
  expires_at  INTEGER NOT NULL,
  FOREIGN KEY (group_id, case_id) REFERENCES cases (group_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- Case deadline reminders go through the same scheduler: rebuild the table with a 'case' kind,
-- the case it concerns and the rule it reminds of.
CREATE TABLE schedule_new (
  id           INTEGER PRIMARY KEY,
  group_id     INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  number       INTEGER,
  kind         TEXT NOT NULL CHECK (kind IN ('remind', 'unconfirmed', 'unclaimed', 'followup', 'digest', 'case')),
  member_bidx  BLOB,
  due_at       INTEGER NOT NULL,
  useful_until INTEGER NOT NULL,
  lead_ms      INTEGER NOT NULL DEFAULT 0,
  state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'dropped')),
  fired_at     INTEGER,
  case_id      INTEGER,
  rule_id      TEXT,
  FOREIGN KEY (group_id, number) REFERENCES requests (group_id, number) ON DELETE CASCADE,
  FOREIGN KEY (group_id, case_id) REFERENCES cases (group_id, id) ON DELETE CASCADE
) STRICT;

INSERT INTO schedule_new (id, group_id, number, kind, member_bidx, due_at, useful_until, lead_ms, state, fired_at)
  SELECT id, group_id, number, kind, member_bidx, due_at, useful_until, lead_ms, state, fired_at FROM schedule;
DROP TABLE schedule;
ALTER TABLE schedule_new RENAME TO schedule;

CREATE INDEX schedule_due ON schedule (due_at, id) WHERE state = 'pending';
CREATE INDEX schedule_by_request ON schedule (group_id, number) WHERE state = 'pending';
CREATE INDEX schedule_fired ON schedule (fired_at) WHERE state <> 'pending';
CREATE INDEX schedule_by_case ON schedule (group_id, case_id) WHERE state = 'pending' AND case_id IS NOT NULL;
