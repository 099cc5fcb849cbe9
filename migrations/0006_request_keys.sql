-- Each request's sealed fields use a key of its own, wrapped by the group key (vault sub-key).
-- Purging a request destroys this wrapped key first, so copies of its sealed values anywhere
-- (WAL, free pages, later backups) open with no key that remains. NULL on requests created
-- before this migration: those stay sealed by the group key until they are purged.
ALTER TABLE requests ADD COLUMN key_wrapped BLOB;
