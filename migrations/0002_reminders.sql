-- Reminders, alerts, follow-ups and digests: every scheduled send is a row, fired once.

CREATE TABLE schedule (
  id           INTEGER PRIMARY KEY,
  group_id     INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  -- the request concerned (NULL for the group's daily digest)
  number       INTEGER,
  kind         TEXT NOT NULL CHECK (kind IN ('remind', 'unconfirmed', 'unclaimed', 'followup', 'digest')),
  -- the member to write to (reminders and follow-ups)
  member_bidx  BLOB,
  due_at       INTEGER NOT NULL,
  -- after this moment a missed job is no longer worth sending
  useful_until INTEGER NOT NULL,
  -- the lead time a reminder or alert stands for (ms before the request's time)
  lead_ms      INTEGER NOT NULL DEFAULT 0,
  state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'dropped')),
  fired_at     INTEGER,
  FOREIGN KEY (group_id, number) REFERENCES requests (group_id, number) ON DELETE CASCADE
) STRICT;

CREATE INDEX schedule_due ON schedule (due_at, id) WHERE state = 'pending';
CREATE INDEX schedule_by_request ON schedule (group_id, number) WHERE state = 'pending';
CREATE INDEX schedule_fired ON schedule (fired_at) WHERE state <> 'pending';

-- Direct messages that ask a member something (reminders, "did it happen?"): a reply, or a
-- bare OK / RELEASE in the direct chat, finds its request here.
CREATE TABLE prompts (
  id           INTEGER PRIMARY KEY,
  member_bidx  BLOB NOT NULL,
  message_bidx BLOB,
  group_id     INTEGER NOT NULL,
  number       INTEGER NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('remind', 'followup')),
  created_at   INTEGER NOT NULL,
  FOREIGN KEY (group_id, number) REFERENCES requests (group_id, number) ON DELETE CASCADE
) STRICT;

CREATE INDEX prompts_by_member ON prompts (member_bidx, created_at);
CREATE INDEX prompts_by_message ON prompts (message_bidx) WHERE message_bidx IS NOT NULL;

-- 'remind' / 'followup' when the outbox row is such a prompt (recorded in prompts once sent)
ALTER TABLE outbox ADD COLUMN prompt_kind TEXT CHECK (prompt_kind IN ('remind', 'followup'));

-- the claimer answered OK to a reminder at this time (reset when the claim or the time changes)
ALTER TABLE requests ADD COLUMN confirmed_at INTEGER;
-- how a visit went, when the driver says: done or refused at the door (with a sealed reason)
ALTER TABLE requests ADD COLUMN outcome TEXT CHECK (outcome IN ('done', 'refused'));
ALTER TABLE requests ADD COLUMN outcome_enc BLOB;

-- the group's daily digest time, local to its centre ('HH:MM'), or NULL when turned off
ALTER TABLE groups ADD COLUMN digest_at TEXT DEFAULT '09:00';
