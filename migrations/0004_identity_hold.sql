-- A member whose safety number changed gets nothing sensitive until a coordinator has checked
-- the new one with them (/verify). NULL: not held.
ALTER TABLE members ADD COLUMN held_at INTEGER;
