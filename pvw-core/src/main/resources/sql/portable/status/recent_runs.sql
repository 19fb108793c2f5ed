SELECT run_id, as_of, started_at, finished_at, outcome, users_outcome, pageviews_outcome, message
FROM core.runs
ORDER BY run_id DESC
LIMIT :limit
