INSERT INTO core.runs (run_id, started_at, as_of, outcome)
VALUES (:run_id, CAST(:started_at AS TIMESTAMP), CAST(:as_of AS TIMESTAMP), 'running')
