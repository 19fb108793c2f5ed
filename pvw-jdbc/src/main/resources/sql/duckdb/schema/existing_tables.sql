-- The tables of pvw's schemas (raw, core, mart), schema-qualified: what a run or a reader checks is there before it
-- relies on it, instead of re-running every schema script. Read from duckdb_tables(), which answers in a fraction of
-- the time information_schema.tables takes (a view over it and the views), on every run; pvw's schemas hold no views.
SELECT schema_name || '.' || table_name AS table_name
FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name IN ('raw', 'core', 'mart')
