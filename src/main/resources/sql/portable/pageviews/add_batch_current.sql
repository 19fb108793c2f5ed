INSERT INTO pvw_delta_current (hour_start, postcode, pageviews)
SELECT hour_start, current_postcode, count(*)
FROM pvw_attributed_pageviews
GROUP BY hour_start, current_postcode
