-- Parloir initial schema.
-- Personal and free-text values live only in *_enc columns, sealed with the group's key
-- (XChaCha20-Poly1305, associated data = table.column:row). Identifiers are looked up through
-- *_bidx blind indexes (keyed BLAKE2b). Times are Unix milliseconds (UTC).

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value BLOB NOT NULL
) STRICT;

CREATE TABLE groups (
  id          INTEGER PRIMARY KEY,
  transport   TEXT NOT NULL CHECK (transport IN ('local', 'signal', 'telegram')),
  chat_bidx   BLOB NOT NULL UNIQUE,
  chat_enc    BLOB NOT NULL,
  -- the group's data key, wrapped by the master key; deleting it shreds the group's data
  key_wrapped BLOB NOT NULL,
  centre_id   TEXT NOT NULL,
  lang        TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
  next_number INTEGER NOT NULL DEFAULT 1,
  linked_at   INTEGER NOT NULL
) STRICT;

CREATE TABLE members (
  group_id    INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  member_bidx BLOB NOT NULL,
  address_enc BLOB NOT NULL,
  name_enc    BLOB,
  role        TEXT NOT NULL CHECK (role IN ('coordinator', 'member')),
  joined_at   INTEGER NOT NULL,
  PRIMARY KEY (group_id, member_bidx)
) STRICT, WITHOUT ROWID;

CREATE INDEX members_by_member ON members (member_bidx);

CREATE TABLE invites (
  code_bidx  BLOB PRIMARY KEY,
  centre_id  TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at    INTEGER
) STRICT, WITHOUT ROWID;

CREATE TABLE requests (
  group_id       INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  number         INTEGER NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('visit', 'package', 'lawyer')),
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
  PRIMARY KEY (group_id, number),
  CHECK ((state = 'claimed') = (claimer_bidx IS NOT NULL) OR state IN ('done', 'expired', 'cancelled'))
) STRICT, WITHOUT ROWID;

CREATE INDEX requests_active ON requests (group_id, state) WHERE state IN ('open', 'claimed');
CREATE INDEX requests_by_claimer ON requests (claimer_bidx) WHERE claimer_bidx IS NOT NULL;
CREATE INDEX requests_closed ON requests (closed_at) WHERE closed_at IS NOT NULL;

CREATE TABLE passengers (
  group_id    INTEGER NOT NULL,
  number      INTEGER NOT NULL,
  member_bidx BLOB NOT NULL,
  joined_at   INTEGER NOT NULL,
  PRIMARY KEY (group_id, number, member_bidx),
  FOREIGN KEY (group_id, number) REFERENCES requests (group_id, number) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE INDEX passengers_by_member ON passengers (member_bidx);

-- Bot posts of a request: how a reply or a reaction finds its request.
CREATE TABLE posts (
  group_id     INTEGER NOT NULL,
  message_bidx BLOB NOT NULL,
  number       INTEGER NOT NULL,
  message_enc  BLOB NOT NULL,
  created_at   INTEGER NOT NULL,
  PRIMARY KEY (group_id, message_bidx),
  FOREIGN KEY (group_id, number) REFERENCES requests (group_id, number) ON DELETE CASCADE
) STRICT;

CREATE INDEX posts_by_request ON posts (group_id, number);

-- Inbound events already acted upon (blind index of the transport's dedupe key).
CREATE TABLE inbox (
  key_bidx BLOB PRIMARY KEY,
  seen_at  INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX inbox_by_age ON inbox (seen_at);

-- Every outbound message is a row here first; the drainer sends and marks it.
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  transport       TEXT NOT NULL CHECK (transport IN ('local', 'signal', 'telegram')),
  group_id        INTEGER REFERENCES groups (id) ON DELETE CASCADE,
  to_bidx         BLOB NOT NULL,
  to_enc          BLOB NOT NULL,
  body_enc        BLOB NOT NULL,
  -- when set, the delivered message is a post of this request (recorded in posts)
  post_number     INTEGER,
  state           TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error      TEXT,
  created_at      INTEGER NOT NULL,
  done_at         INTEGER
) STRICT;

CREATE INDEX outbox_pending ON outbox (next_attempt_at, id) WHERE state = 'pending';
CREATE INDEX outbox_done ON outbox (done_at) WHERE state <> 'pending';

-- Delivery alerts already raised to a group's coordinators, so each is told once per episode.
CREATE TABLE alerts (
  group_id  INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  kind      TEXT NOT NULL,
  raised_at INTEGER NOT NULL,
  PRIMARY KEY (group_id, kind)
) STRICT, WITHOUT ROWID;
