-- Snapshots whose quarantined rows retention deletes: those recorded by runs started before :cutoff.
UPDATE core.users_snapshots
SET quarantine_purged_at = CAST(:purged_at AS TIMESTAMP)
WHERE quarantine_purged_at IS NULL
  AND quarantined_rows > 0
  AND run_id IN (SELECT run_id FROM core.runs WHERE started_at < CAST(:cutoff AS TIMESTAMP))
