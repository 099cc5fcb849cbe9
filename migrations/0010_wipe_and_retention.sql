-- /wipe (FR /effacer): the blind index of the word a coordinator must repeat, and until when.
ALTER TABLE groups ADD COLUMN wipe_bidx BLOB;
ALTER TABLE groups ADD COLUMN wipe_until INTEGER;

-- When the member last acted in the group: members not seen for PARLOIR_MEMBER_RETENTION_DAYS
-- (and involved in nothing active) are deleted.
ALTER TABLE members ADD COLUMN seen_at INTEGER;
UPDATE members SET seen_at = joined_at;
CREATE INDEX members_by_seen ON members (seen_at);

-- Counters that never go back: outbox ids are never reused, even once the last row is deleted.
CREATE TABLE counters (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO counters (name, value) SELECT 'outbox', COALESCE(MAX(id), 0) FROM outbox;

-- The keys of the inbox dedupe hashes, one per period, wrapped by the master key. A period's
-- key is destroyed once all its rows are past the dedupe window: old events can then no longer
-- be tied to a person by hashing guesses.
CREATE TABLE inbox_keys (
  period      INTEGER PRIMARY KEY,
  key_wrapped BLOB NOT NULL
) STRICT;
