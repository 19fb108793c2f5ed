-- Takes the replaced batch's pageviews out of both marts, at the postcodes they are counted under now.
INSERT INTO pvw_delta_at_view (hour_start, postcode, pageviews)
SELECT hour_start, postcode_at_view, -sum(pageviews)
FROM core.pageview_user_hours
WHERE batch_id = :batch_id
  AND hour_start BETWEEN CAST(:first_hour AS TIMESTAMP) AND CAST(:last_hour AS TIMESTAMP)
GROUP BY hour_start, postcode_at_view
