CREATE NAMESPACE IF NOT EXISTS core;
CREATE TABLE IF NOT EXISTS core.schema_history (
    version INT NOT NULL,
    description STRING NOT NULL,
    checksum BIGINT NOT NULL,
    installed_at TIMESTAMP NOT NULL
) USING iceberg;
