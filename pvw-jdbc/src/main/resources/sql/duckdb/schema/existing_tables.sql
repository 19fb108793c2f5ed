-- The tables of pvw's schemas (raw, core, mart), schema-qualified: what a run or a reader checks is there before it
-- relies on it, instead of re-running every schema script. Read from duckdb_tables(), quicker than the portable
-- information_schema.tables (a view over it), as every command asks.
SELECT schema_name || '.' || table_name AS table_name
FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name IN ('raw', 'core', 'mart')
