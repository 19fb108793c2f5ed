-- Per hour from :from_hour to :to_hour and postcode, the at-view mart counts the fact's pageviews with that postcode
-- at view (as pvw_check_fact counted them).
SELECT hour_start, postcode, sum(mart_pageviews) AS mart_pageviews, sum(fact_pageviews) AS fact_pageviews
FROM (
    SELECT hour_start, postcode_at_view AS postcode, 0 AS mart_pageviews, pageviews AS fact_pageviews
    FROM pvw_check_fact
    UNION ALL
    SELECT hour_start, postcode, pageviews, 0
    FROM mart.pageviews_hourly_by_postcode_at_view
    WHERE hour_start BETWEEN CAST(:from_hour AS TIMESTAMP) AND CAST(:to_hour AS TIMESTAMP)
) AS counts
GROUP BY hour_start, postcode
HAVING sum(mart_pageviews) <> sum(fact_pageviews)
ORDER BY hour_start, postcode NULLS FIRST
LIMIT :limit
