-- A work table: a filled one's temporary view, or a scratch Iceberg table with its files (SparkEngineSession skips one
-- the session never made).
DROP TABLE IF EXISTS <table> PURGE
