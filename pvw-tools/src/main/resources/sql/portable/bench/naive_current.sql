-- The naive alternative to mart.pageviews_hourly_by_current_postcode, which most solutions use: every pageview of
-- the window joined at query time with the users' current postcodes (their open versions), then summed into
-- periods. Same columns, filters and order as query/mart_periods, so the two answers must be equal.
SELECT date_trunc(:grain, f.pageview_at) AS period_start, c.postcode, count(*) AS pageviews
FROM core.pageview_fact AS f
LEFT JOIN core.user_postcode_history AS c
  ON c.user_id = f.user_id AND c.valid_to IS NULL
WHERE (CAST(:from_hour AS TIMESTAMP) IS NULL OR f.pageview_at >= CAST(:from_hour AS TIMESTAMP))
  AND (CAST(:to_hour AS TIMESTAMP) IS NULL OR f.pageview_at < CAST(:to_hour AS TIMESTAMP))
  AND (CAST(:postcode AS VARCHAR) IS NULL OR c.postcode = CAST(:postcode AS VARCHAR))
GROUP BY 1, 2
ORDER BY period_start, c.postcode NULLS FIRST
