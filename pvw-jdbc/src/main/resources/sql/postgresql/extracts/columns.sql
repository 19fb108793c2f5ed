-- The extract tables' columns, each with the kind of value the pipeline can read from it: any integer type that a
-- BIGINT holds, text, or a timestamp without time zone; anything else is 'other'. Names are compared exactly, as
-- PostgreSQL resolves them (a quoted "Postcode" is not postcode).
SELECT
    table_name,
    column_name,
    data_type,
    CASE
        WHEN data_type IN ('bigint', 'integer', 'smallint') THEN 'integer'
        WHEN data_type IN ('character varying', 'text', 'character') THEN 'text'
        WHEN data_type = 'timestamp without time zone' THEN 'timestamp'
        ELSE 'other'
    END AS kind
FROM information_schema.columns
WHERE table_schema = 'raw' AND table_name IN ('users_extract', 'pageviews_extract')
ORDER BY table_name, ordinal_position
