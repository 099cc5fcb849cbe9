-- When the bot first wrote to a member directly (after their first claim in the group): on
-- Telegram this is how a member who never pressed Start is found early, not at reminder time.
ALTER TABLE members ADD COLUMN greeted_at INTEGER;
