-- Per hour from :from_hour to :to_hour, one mart's pageviews sum to the fact's count of pageviews in that hour (as
-- pvw_check_fact counted them).
SELECT hour_start, sum(mart_pageviews) AS mart_pageviews, sum(fact_pageviews) AS fact_pageviews
FROM (
    SELECT hour_start, 0 AS mart_pageviews, pageviews AS fact_pageviews
    FROM pvw_check_fact
    UNION ALL
    SELECT hour_start, pageviews, 0
    FROM <mart>
    WHERE hour_start BETWEEN CAST(:from_hour AS TIMESTAMP) AND CAST(:to_hour AS TIMESTAMP)
) AS counts
GROUP BY hour_start
HAVING sum(mart_pageviews) <> sum(fact_pageviews)
ORDER BY hour_start
LIMIT :limit
