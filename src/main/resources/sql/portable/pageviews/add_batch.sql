INSERT INTO pvw_delta_at_view (hour_start, postcode, pageviews)
SELECT hour_start, postcode_at_view, count(*)
FROM pvw_attributed_pageviews
GROUP BY hour_start, postcode_at_view
