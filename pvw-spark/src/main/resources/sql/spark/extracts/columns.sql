-- The extract tables' columns, each with the kind of value the pipeline can read from it: an Iceberg long or int,
-- string, or timestamp (without zone); anything else (timestamptz among them) is 'other'. The engine lists them from
-- the catalog into pvw_catalog_columns; Spark resolves names without regard to case, so they are compared in lower
-- case.
SELECT
    table_name,
    lower(column_name) AS column_name,
    data_type,
    CASE
        WHEN data_type IN ('long', 'int') THEN 'integer'
        WHEN data_type = 'string' THEN 'text'
        WHEN data_type = 'timestamp' THEN 'timestamp'
        ELSE 'other'
    END AS kind
FROM pvw_catalog_columns
WHERE table_schema = 'raw' AND table_name IN ('users_extract', 'pageviews_extract')
ORDER BY table_name, ordinal_position
