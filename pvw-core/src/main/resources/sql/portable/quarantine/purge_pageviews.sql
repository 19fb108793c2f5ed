DELETE FROM core.quarantined_pageviews
WHERE run_id IN (SELECT run_id FROM core.runs WHERE started_at < CAST(:cutoff AS TIMESTAMP))
