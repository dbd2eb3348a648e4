-- The first layout of the PostgreSQL store: the same records as the embedded store's files, one table each.
-- Documents are `json`, not `jsonb`: json keeps the text exactly as written (key order, number spelling), which the
-- engine state is recovered from, and accepts every string JSON.stringify writes (jsonb refuses \u0000).

-- Up Migration

CREATE TABLE instances (
  id text PRIMARY KEY,
  -- The optimistic lock: a save names the rev it read, and stores only if that is still the stored one.
  rev integer NOT NULL CHECK (rev >= 0),
  summary json NOT NULL,
  engine_state json NOT NULL,
  last_entries json NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE history (
  instance_id text NOT NULL REFERENCES instances (id),
  seq integer NOT NULL,
  entry json NOT NULL,
  PRIMARY KEY (instance_id, seq)
);

-- `added` keeps the order versions were deployed in, which is the order the registry compiles them at start.
CREATE TABLE definitions (
  added bigint GENERATED ALWAYS AS IDENTITY,
  key text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  record json NOT NULL,
  source text NOT NULL,
  PRIMARY KEY (key, version)
);

CREATE TABLE settings (
  name text PRIMARY KEY,
  value json NOT NULL
);

-- Every journal (housing register, access log, gallring log) in one table, in append order per journal; `month` is
-- the UTC month of the record's `at` (null without one), so a read for a time range reads only those months.
CREATE TABLE journal_records (
  journal text NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  month text,
  record json NOT NULL,
  PRIMARY KEY (journal, seq)
);
CREATE INDEX journal_records_by_month ON journal_records (journal, month, seq);

-- Down Migration

DROP TABLE journal_records;
DROP TABLE settings;
DROP TABLE definitions;
DROP TABLE history;
DROP TABLE instances;
