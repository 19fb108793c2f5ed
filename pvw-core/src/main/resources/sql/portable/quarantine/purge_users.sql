DELETE FROM core.quarantined_users
WHERE run_id IN (SELECT run_id FROM core.runs WHERE started_at < CAST(:cutoff AS TIMESTAMP))
