-- Quarantined rows of both extracts, optionally of one run and one reason, in the order runs saw them.
SELECT source, run_id, batch_id, snapshot_id, reason, user_id, postcode, url, pageview_datetime
FROM (
    SELECT
        'pageviews' AS source, run_id, batch_id, CAST(NULL AS BIGINT) AS snapshot_id, reason,
        user_id, CAST(NULL AS VARCHAR) AS postcode, url, pageview_datetime
    FROM core.quarantined_pageviews
    UNION ALL
    SELECT
        'users', run_id, CAST(NULL AS BIGINT), snapshot_id, reason,
        id, postcode, CAST(NULL AS VARCHAR), CAST(NULL AS TIMESTAMP)
    FROM core.quarantined_users
) AS quarantined
WHERE (CAST(:run_id AS BIGINT) IS NULL OR run_id = CAST(:run_id AS BIGINT))
  AND (CAST(:reason AS VARCHAR) IS NULL OR reason = CAST(:reason AS VARCHAR))
ORDER BY
    run_id, source, reason, user_id NULLS FIRST, pageview_datetime NULLS FIRST, postcode NULLS FIRST, url NULLS FIRST
LIMIT :limit
