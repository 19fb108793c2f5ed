INSERT INTO pvw_delta_at_view (hour_start, postcode, pageviews)
SELECT hour_start, postcode_at_view, sum(pageviews)
FROM pvw_attributed_user_hours
GROUP BY hour_start, postcode_at_view
