CREATE SCHEMA IF NOT EXISTS core;
CREATE TABLE IF NOT EXISTS core.schema_history (
    version INTEGER NOT NULL PRIMARY KEY,
    description VARCHAR NOT NULL,
    checksum BIGINT NOT NULL,
    installed_at TIMESTAMP NOT NULL
);
