-- Per hour from :from_hour to :to_hour and postcode, the current mart counts the pageviews of the users whose
-- current postcode (that of their open version in the history; unknown for a user not in it) it is. The pageviews
-- are read from the per-user-hour rollup, a quarter of the fact's rows, which rollup_vs_fact holds to the fact.
SELECT hour_start, postcode, sum(mart_pageviews) AS mart_pageviews, sum(fact_pageviews) AS fact_pageviews
FROM (
    SELECT r.hour_start, c.postcode, 0 AS mart_pageviews, sum(r.pageviews) AS fact_pageviews
    FROM core.pageview_user_hours AS r
    LEFT JOIN core.user_postcode_history AS c
      ON c.user_id = r.user_id AND c.valid_to IS NULL
    WHERE r.hour_start BETWEEN CAST(:from_hour AS TIMESTAMP) AND CAST(:to_hour AS TIMESTAMP)
    GROUP BY r.hour_start, c.postcode
    UNION ALL
    SELECT hour_start, postcode, pageviews, 0
    FROM mart.pageviews_hourly_by_current_postcode
    WHERE hour_start BETWEEN CAST(:from_hour AS TIMESTAMP) AND CAST(:to_hour AS TIMESTAMP)
) AS counts
GROUP BY hour_start, postcode
HAVING sum(mart_pageviews) <> sum(fact_pageviews)
ORDER BY hour_start, postcode NULLS FIRST
LIMIT :limit
