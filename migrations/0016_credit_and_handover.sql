-- Phone credit (#16): a request kind 'credit' (phone credit or a camera-less phone for a
-- detainee), and, for a package or credit, what was handed over (sealed: it is personal to the
-- detainee) and whether an itemised receipt was given ('yes'/'no', counted, never the content).
-- SQLite cannot change a CHECK, so the table is rebuilt with every column, index and trigger
-- it had (0001, 0002, 0006, 0007, 0012). The runner turns foreign keys off for the copy (a DROP
-- would otherwise cascade to passengers, posts, schedule…) and checks them before commit.
-- Hearing attendance stays a 'visit' attached to its case (case_requests.role).
CREATE TABLE requests_new (
  group_id       INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  number         INTEGER NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('visit', 'package', 'lawyer', 'credit')),
  state          TEXT NOT NULL CHECK (state IN ('open', 'claimed', 'done', 'cancelled', 'expired')),
  due_at         INTEGER NOT NULL,
  seats          INTEGER NOT NULL DEFAULT 0 CHECK (seats >= 0),
  requester_bidx BLOB NOT NULL,
  claimer_bidx   BLOB,
  place_enc      BLOB,
  items_enc      BLOB,
  detainee_enc   BLOB,
  note_enc       BLOB,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  closed_at      INTEGER,
  confirmed_at   INTEGER,
  outcome        TEXT CHECK (outcome IN ('done', 'refused')),
  outcome_enc    BLOB,
  key_wrapped    BLOB,
  handover_enc   BLOB,
  receipt        TEXT CHECK (receipt IN ('yes', 'no')),
  PRIMARY KEY (group_id, number),
  CHECK ((state = 'claimed') = (claimer_bidx IS NOT NULL) OR state IN ('done', 'expired', 'cancelled'))
) STRICT, WITHOUT ROWID;

INSERT INTO requests_new (group_id, number, kind, state, due_at, seats, requester_bidx, claimer_bidx, place_enc, items_enc,
    detainee_enc, note_enc, created_at, updated_at, closed_at, confirmed_at, outcome, outcome_enc, key_wrapped)
  SELECT group_id, number, kind, state, due_at, seats, requester_bidx, claimer_bidx, place_enc, items_enc,
    detainee_enc, note_enc, created_at, updated_at, closed_at, confirmed_at, outcome, outcome_enc, key_wrapped FROM requests;
DROP TABLE requests;
ALTER TABLE requests_new RENAME TO requests;

CREATE INDEX requests_active ON requests (group_id, state) WHERE state IN ('open', 'claimed');
CREATE INDEX requests_by_claimer ON requests (claimer_bidx) WHERE claimer_bidx IS NOT NULL;
CREATE INDEX requests_closed ON requests (closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX requests_by_requester ON requests (group_id, requester_bidx, created_at);

CREATE TRIGGER topics_follow_requests AFTER DELETE ON requests
BEGIN
  DELETE FROM topics WHERE group_id = OLD.group_id AND number = OLD.number;
END;
