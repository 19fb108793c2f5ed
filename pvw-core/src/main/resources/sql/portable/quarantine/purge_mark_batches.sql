-- Batches whose quarantined rows retention deletes: those recorded by runs started before :cutoff (a batch's rows are
-- quarantined by the run that recorded it).
UPDATE core.pageview_batches
SET quarantine_purged_at = CAST(:purged_at AS TIMESTAMP)
WHERE quarantine_purged_at IS NULL
  AND quarantined_rows > 0
  AND run_id IN (SELECT run_id FROM core.runs WHERE started_at < CAST(:cutoff AS TIMESTAMP))
