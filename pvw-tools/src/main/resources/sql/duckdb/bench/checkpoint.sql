-- Writes everything pending to the database file before a measurement, so that no measured run or query pays for the
-- history's write-back, or runs while DuckDB does it.
CHECKPOINT;
