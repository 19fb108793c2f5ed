-- Per hour from :from_hour to :to_hour, batch and postcode at view, the per-user-hour rollup counts the fact's
-- pageviews (as pvw_check_fact counted them). The rollup is what a users snapshot corrects the marts from, so a
-- rollup out of step with the fact would make the next snapshot's corrections wrong.
SELECT hour_start, batch_id, postcode_at_view, sum(rollup_pageviews) AS rollup_pageviews,
       sum(fact_pageviews) AS fact_pageviews
FROM (
    SELECT hour_start, batch_id, postcode_at_view, 0 AS rollup_pageviews, pageviews AS fact_pageviews
    FROM pvw_check_fact
    UNION ALL
    SELECT hour_start, batch_id, postcode_at_view, pageviews, 0
    FROM core.pageview_user_hours
    WHERE hour_start BETWEEN CAST(:from_hour AS TIMESTAMP) AND CAST(:to_hour AS TIMESTAMP)
) AS counts
GROUP BY hour_start, batch_id, postcode_at_view
HAVING sum(rollup_pageviews) <> sum(fact_pageviews)
ORDER BY hour_start, batch_id, postcode_at_view NULLS FIRST
LIMIT :limit
