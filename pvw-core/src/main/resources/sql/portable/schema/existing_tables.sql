-- The tables of pvw's schemas (raw, core, mart), schema-qualified: what a run or a reader checks is there before it
-- relies on it, instead of re-running every schema script.
SELECT table_schema || '.' || table_name AS table_name
FROM information_schema.tables
WHERE table_schema IN ('raw', 'core', 'mart')
