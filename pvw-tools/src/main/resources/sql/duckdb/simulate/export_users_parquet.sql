-- Writes the users extract the generator landed to a file, for a warehouse of an engine that loads parquet files.
COPY (SELECT id, postcode FROM raw.users_extract) TO :path (FORMAT parquet)
