-- Removes a database of the benchmark's own, ending any session an interrupted benchmark left on it.
DROP DATABASE IF EXISTS <database> WITH (FORCE)
