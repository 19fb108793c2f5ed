-- Quarantined rows by the run that quarantined them, latest runs first.
SELECT q.run_id, r.as_of, sum(q.pageview_rows) AS pageview_rows, sum(q.user_rows) AS user_rows
FROM (
    SELECT run_id, count(*) AS pageview_rows, 0 AS user_rows FROM core.quarantined_pageviews GROUP BY run_id
    UNION ALL
    SELECT run_id, 0, count(*) FROM core.quarantined_users GROUP BY run_id
) AS q
LEFT JOIN core.runs AS r ON r.run_id = q.run_id
GROUP BY q.run_id, r.as_of
ORDER BY q.run_id DESC
LIMIT :limit
