INSERT INTO pvw_delta_current (hour_start, postcode, pageviews)
SELECT hour_start, current_postcode, sum(pageviews)
FROM pvw_attributed_user_hours
GROUP BY hour_start, current_postcode
