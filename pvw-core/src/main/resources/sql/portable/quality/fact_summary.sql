INSERT INTO pvw_check_fact (hour_start, batch_id, postcode_at_view, pageviews)
SELECT hour_start, batch_id, postcode_at_view, count(*)
FROM core.pageview_fact
WHERE hour_start BETWEEN CAST(:from_hour AS TIMESTAMP) AND CAST(:to_hour AS TIMESTAMP)
GROUP BY hour_start, batch_id, postcode_at_view
