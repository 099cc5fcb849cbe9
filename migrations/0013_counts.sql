-- Counts for advocacy (`npx parloir stats`, #16). Closed requests and cases are purged after
-- PARLOIR_RETENTION_DAYS, so each outcome is counted here when it happens: the month (in the
-- centre's time zone), the centre, what it was and how it ended. Counts only: no group, no
-- request or case number, no member, no time finer than the month, no free text (a refusal's
-- reason is reduced to one of a few fixed buckets before it is counted).
CREATE TABLE counts (
  month     TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
  centre_id TEXT NOT NULL,
  -- 'visit', 'package', 'lawyer', 'case', any later request kind; 'lawyer-hours' for the median
  kind      TEXT NOT NULL CHECK (kind GLOB '[a-z]*' AND length(kind) <= 32),
  -- 'done', 'refused-<reason bucket>', 'in-time', 'late', 'missed', 'released', …; for
  -- 'lawyer-hours', the whole number of hours from asking to done
  bucket    TEXT NOT NULL CHECK (bucket GLOB '[a-z0-9]*' AND length(bucket) <= 32),
  n         INTEGER NOT NULL CHECK (n > 0),
  PRIMARY KEY (month, centre_id, kind, bucket)
) STRICT, WITHOUT ROWID;
