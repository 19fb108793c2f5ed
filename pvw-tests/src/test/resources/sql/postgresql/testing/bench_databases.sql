-- The benchmark's databases on the server: none is left once it ends.
SELECT count(*) FROM pg_database WHERE datname LIKE 'pvw\_bench\_%'
