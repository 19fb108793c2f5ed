-- The naive alternative to mart.pageviews_hourly_by_postcode_at_view: every pageview of the window joined at query
-- time with the version of its user valid when it was viewed (the first version for a view before it), then summed
-- into periods. Same columns, filters and order as query/mart_periods, so the two answers must be equal.
SELECT date_trunc(:grain, f.pageview_at) AS period_start, v.postcode, count(*) AS pageviews
FROM core.pageview_fact AS f
LEFT JOIN core.user_postcode_history AS v
  ON v.user_id = f.user_id
 AND (v.valid_from <= f.pageview_at OR v.is_first)
 AND (v.valid_to IS NULL OR f.pageview_at < v.valid_to)
WHERE (CAST(:from_hour AS TIMESTAMP) IS NULL OR f.pageview_at >= CAST(:from_hour AS TIMESTAMP))
  AND (CAST(:to_hour AS TIMESTAMP) IS NULL OR f.pageview_at < CAST(:to_hour AS TIMESTAMP))
  AND (CAST(:postcode AS VARCHAR) IS NULL OR v.postcode = CAST(:postcode AS VARCHAR))
GROUP BY 1, 2
ORDER BY period_start, v.postcode NULLS FIRST
