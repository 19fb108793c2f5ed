UPDATE core.runs
SET finished_at = CAST(:finished_at AS TIMESTAMP),
    outcome = :outcome,
    users_outcome = :users_outcome,
    pageviews_outcome = :pageviews_outcome,
    message = :message
WHERE run_id = :run_id
