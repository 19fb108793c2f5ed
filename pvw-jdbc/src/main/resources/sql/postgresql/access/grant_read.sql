-- Read access to the marts and nothing else: usage of the mart schema, SELECT on its tables, and SELECT on
-- any mart table a later schema version creates (default privileges of the role that runs pvw).
-- raw and core are never granted: their schemas give no privilege to PUBLIC.
GRANT USAGE ON SCHEMA mart TO <role>;
GRANT SELECT ON ALL TABLES IN SCHEMA mart TO <role>;
ALTER DEFAULT PRIVILEGES IN SCHEMA mart GRANT SELECT ON TABLES TO <role>;
