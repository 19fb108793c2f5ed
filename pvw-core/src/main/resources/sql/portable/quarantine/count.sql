-- How many quarantined rows quarantine/list would list without its limit.
SELECT
    (SELECT count(*) FROM core.quarantined_pageviews
     WHERE (CAST(:run_id AS BIGINT) IS NULL OR run_id = CAST(:run_id AS BIGINT))
       AND (CAST(:reason AS VARCHAR) IS NULL OR reason = CAST(:reason AS VARCHAR)))
    + (SELECT count(*) FROM core.quarantined_users
       WHERE (CAST(:run_id AS BIGINT) IS NULL OR run_id = CAST(:run_id AS BIGINT))
         AND (CAST(:reason AS VARCHAR) IS NULL OR reason = CAST(:reason AS VARCHAR)))
