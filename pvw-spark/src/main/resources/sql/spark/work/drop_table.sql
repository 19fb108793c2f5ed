-- A work table: a filled one's temporary view; an Iceberg one stays until it is made again or the session ends
-- (SparkEngineSession.dropWorkTable).
DROP TABLE IF EXISTS <table> PURGE
