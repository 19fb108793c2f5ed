-- A work table: a scratch Iceberg table, whose files go with it.
DROP TABLE IF EXISTS <table> PURGE
