-- Quarantine retention's columns (quarantine_purged_at) are in V1 on Spark, which cannot add a column only if it is
-- missing; this version only makes sure of the namespace, so that it stays idempotent like every schema script.
CREATE NAMESPACE IF NOT EXISTS core;
