-- Limits against floods (#13).

-- The per-member request limit counts one member's recent requests in one group: read from
-- this index, not from every request of the group.
CREATE INDEX requests_by_requester ON requests (group_id, requester_bidx, created_at);

-- Chats outside any linked group (an unlinked group, a stranger's direct chat) that got an
-- answer: at most one answer per window (PARLOIR_LIMITS stranger=). Only a blind index and a
-- time; deleted once the window is over.
CREATE TABLE quiet_chats (
  chat_bidx   BLOB PRIMARY KEY,
  answered_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX quiet_chats_by_time ON quiet_chats (answered_at);

-- When the group was last shown a request's state again (re-posted card, "released", urgent
-- re-post), what that state was (a hash), and a held-back change to show at `due_at`: claim /
-- release ping-pong re-posts at most once per window (PARLOIR_LIMITS repost=).
CREATE TABLE reposts (
  group_id  INTEGER NOT NULL,
  number    INTEGER NOT NULL,
  posted_at INTEGER NOT NULL,
  shown     BLOB,
  due_at    INTEGER,
  PRIMARY KEY (group_id, number),
  FOREIGN KEY (group_id, number) REFERENCES requests (group_id, number) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE INDEX reposts_due ON reposts (due_at) WHERE due_at IS NOT NULL;
