-- The topic (a sub-conversation of a chat: a Telegram forum topic) each request came from, so
-- that everything posted later about it goes there. number 0 is the group's own topic (where
-- it was linked or its digest was set), for posts about no single request. Topic ids are
-- opaque platform numbers, not personal data. Rows go with their request or group.
CREATE TABLE topics (
  group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  number   INTEGER NOT NULL CHECK (number >= 0),
  topic    TEXT NOT NULL,
  PRIMARY KEY (group_id, number)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER topics_follow_requests AFTER DELETE ON requests
BEGIN
  DELETE FROM topics WHERE group_id = OLD.group_id AND number = OLD.number;
END;
