INSERT INTO core.schema_history (version, description, checksum, installed_at)
VALUES (:version, :description, :checksum, CAST(:installed_at AS TIMESTAMP))
