SELECT 'users' AS source, reason, count(*) AS row_count FROM core.quarantined_users GROUP BY reason
UNION ALL
SELECT 'pageviews' AS source, reason, count(*) AS row_count FROM core.quarantined_pageviews GROUP BY reason
ORDER BY source, reason
