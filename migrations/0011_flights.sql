-- Deportation flights and the network opt-in (#16).

-- /network on|off (FR /reseau oui|non): this group's coordinators receive the flight alerts of
-- the instance's other groups by direct message.
ALTER TABLE groups ADD COLUMN network INTEGER NOT NULL DEFAULT 0 CHECK (network IN (0, 1));

-- The latest known flight of a case: when it leaves (in clear, like every time Parloir keeps),
-- the airport and flight number under the case's own key (shredded with its details), and what
-- was last alerted, so a repeat does not alert again and a change says what changed; and the
-- numbers of the two tasks the alert created (tell the lawyer, go to the airport).
CREATE TABLE case_flights (
  group_id    INTEGER NOT NULL,
  case_id     INTEGER NOT NULL,
  departs_at  INTEGER NOT NULL,
  flight_enc  BLOB NOT NULL,
  alerted_at  INTEGER NOT NULL,
  lawyer_number  INTEGER,
  airport_number INTEGER,
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (group_id, case_id),
  FOREIGN KEY (group_id, case_id) REFERENCES cases (group_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- A case's tasks get the 'airport' role (go to the airport before its flight): rebuild the
-- table for its CHECK.
CREATE TABLE case_requests_new (
  group_id INTEGER NOT NULL,
  number   INTEGER NOT NULL,
  case_id  INTEGER NOT NULL,
  role     TEXT NOT NULL CHECK (role IN ('lawyer', 'hearing', 'airport')),
  PRIMARY KEY (group_id, number),
  FOREIGN KEY (group_id, case_id) REFERENCES cases (group_id, id) ON DELETE CASCADE,
  FOREIGN KEY (group_id, number) REFERENCES requests (group_id, number) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
INSERT INTO case_requests_new (group_id, number, case_id, role) SELECT group_id, number, case_id, role FROM case_requests;
DROP TABLE case_requests;
ALTER TABLE case_requests_new RENAME TO case_requests;
CREATE INDEX case_requests_by_case ON case_requests (group_id, case_id);
