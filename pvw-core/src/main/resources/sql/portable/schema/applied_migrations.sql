SELECT version, description, checksum FROM core.schema_history ORDER BY version
