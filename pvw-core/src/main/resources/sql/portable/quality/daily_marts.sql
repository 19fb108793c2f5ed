-- Per day that holds an hour from :from_hour to :to_hour, and postcode, one daily mart (<daily>) holds its hourly
-- mart (<mart>) summed by day, and no row of it counts zero or less.
SELECT day_start, postcode, sum(daily_pageviews) AS daily_pageviews, sum(hourly_pageviews) AS hourly_pageviews,
       min(daily_row) AS min_daily_row
FROM (
    SELECT CAST(date_trunc('day', hour_start) AS TIMESTAMP) AS day_start, postcode, 0 AS daily_pageviews,
           pageviews AS hourly_pageviews, NULL AS daily_row
    FROM <mart>
    WHERE hour_start >= CAST(date_trunc('day', CAST(:from_hour AS TIMESTAMP)) AS TIMESTAMP)
      AND hour_start < CAST(date_trunc('day', CAST(:to_hour AS TIMESTAMP)) AS TIMESTAMP) + INTERVAL '1 day'
    UNION ALL
    SELECT day_start, postcode, pageviews, 0, pageviews
    FROM <daily>
    WHERE day_start BETWEEN CAST(date_trunc('day', CAST(:from_hour AS TIMESTAMP)) AS TIMESTAMP)
                        AND CAST(date_trunc('day', CAST(:to_hour AS TIMESTAMP)) AS TIMESTAMP)
) AS counts
GROUP BY day_start, postcode
HAVING sum(daily_pageviews) <> sum(hourly_pageviews) OR min(daily_row) <= 0
ORDER BY day_start, postcode NULLS FIRST
LIMIT :limit
