-- Groups the bot was removed from (or whose chat is gone): nothing is posted there and their
-- reminders stop until the bot is added back. A row per paused group; deleted on resume.
CREATE TABLE group_pauses (
  group_id  INTEGER PRIMARY KEY REFERENCES groups (id) ON DELETE CASCADE,
  paused_at INTEGER NOT NULL
) STRICT;
