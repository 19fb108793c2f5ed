-- Which of the extract tables exist, and whether the warehouse was initialised (it has a schema history).
SELECT table_schema || '.' || table_name AS table_name
FROM information_schema.tables
WHERE (table_schema = 'raw' AND table_name IN ('users_extract', 'pageviews_extract'))
   OR (table_schema = 'core' AND table_name = 'schema_history')
