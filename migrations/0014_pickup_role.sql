-- The pick-up task posted when a case is released (#16) is attached to its case with a role of
-- its own, so the counts for advocacy tell pick-ups at the exit from visits. Rebuild the table
-- for its CHECK (same columns, keys and index as 0011_flights.sql).
CREATE TABLE case_requests_new (
  group_id INTEGER NOT NULL,
  number   INTEGER NOT NULL,
  case_id  INTEGER NOT NULL,
  role     TEXT NOT NULL CHECK (role IN ('lawyer', 'hearing', 'airport', 'pickup')),
  PRIMARY KEY (group_id, number),
  FOREIGN KEY (group_id, case_id) REFERENCES cases (group_id, id) ON DELETE CASCADE,
  FOREIGN KEY (group_id, number) REFERENCES requests (group_id, number) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
INSERT INTO case_requests_new (group_id, number, case_id, role) SELECT group_id, number, case_id, role FROM case_requests;
DROP TABLE case_requests;
ALTER TABLE case_requests_new RENAME TO case_requests;
CREATE INDEX case_requests_by_case ON case_requests (group_id, case_id);
