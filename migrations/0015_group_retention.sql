-- Groups the bot was removed from and not added back to within PARLOIR_GROUP_RETENTION_DAYS
-- are shredded. Their coordinators are warned by direct message first; this is when.
ALTER TABLE group_pauses ADD COLUMN warned_at INTEGER;
