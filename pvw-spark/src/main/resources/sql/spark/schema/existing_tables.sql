-- The tables of pvw's namespaces (raw, core, mart), namespace-qualified. Spark has no information schema: the engine
-- lists the Iceberg catalog's tables into the view pvw_catalog_tables before a statement that reads it.
SELECT table_schema || '.' || table_name AS table_name
FROM pvw_catalog_tables
WHERE table_schema IN ('raw', 'core', 'mart')
