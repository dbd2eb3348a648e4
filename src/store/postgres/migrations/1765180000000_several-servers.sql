-- Several servers on one database: what each server must learn of the others' work, and the due timers they share.

-- Up Migration

-- The transaction that last wrote a row: a server reads what changed since the oldest transaction still running when
-- it last looked (pg_snapshot_xmin), so a row committed late, by a transaction that began early, is never missed.
ALTER TABLE instances ADD COLUMN written_by_xact xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX instances_by_xact ON instances (written_by_xact);
ALTER TABLE settings ADD COLUMN written_by_xact xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX settings_by_xact ON settings (written_by_xact);
ALTER TABLE definitions ADD COLUMN written_by_xact xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX definitions_by_xact ON definitions (written_by_xact);

-- Which server appended a journal record (null: before several servers, or a tool): a server that checks nobody
-- else changed the housing register since it last read it skips its own records.
ALTER TABLE journal_records ADD COLUMN writer text;

-- Every armed timer of a running case, kept by the case's save: a server claims due ones for a while
-- (`claimed_until`), with FOR UPDATE SKIP LOCKED, so each fires on one server; the claim ends with the firing's save.
CREATE TABLE timers (
  id text PRIMARY KEY,
  instance_id text NOT NULL REFERENCES instances (id),
  due_at timestamptz NOT NULL,
  record json NOT NULL,
  claimed_until timestamptz
);
CREATE INDEX timers_by_due ON timers (due_at);
CREATE INDEX timers_by_instance ON timers (instance_id);

INSERT INTO timers (id, instance_id, due_at, record)
SELECT t.value ->> 'id', i.id, (t.value ->> 'dueAt')::timestamptz, t.value
FROM instances i, json_array_elements(i.summary -> 'timers') AS t(value)
WHERE i.summary ->> 'state' = 'running'
ON CONFLICT (id) DO NOTHING;

-- Down Migration

DROP TABLE timers;
ALTER TABLE journal_records DROP COLUMN writer;
DROP INDEX definitions_by_xact;
ALTER TABLE definitions DROP COLUMN written_by_xact;
DROP INDEX settings_by_xact;
ALTER TABLE settings DROP COLUMN written_by_xact;
DROP INDEX instances_by_xact;
ALTER TABLE instances DROP COLUMN written_by_xact;
