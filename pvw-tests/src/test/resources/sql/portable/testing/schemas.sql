-- Tests look for schemas a simulation may have left behind.
SELECT schema_name FROM information_schema.schemata
