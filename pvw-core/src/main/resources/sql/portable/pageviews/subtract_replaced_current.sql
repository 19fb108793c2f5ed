INSERT INTO pvw_delta_current (hour_start, postcode, pageviews)
SELECT r.hour_start, c.postcode, -sum(r.pageviews)
FROM core.pageview_user_hours AS r
LEFT JOIN core.user_postcode_history AS c
  ON c.user_id = r.user_id AND c.valid_to IS NULL
WHERE r.batch_id = :batch_id
  AND r.hour_start BETWEEN CAST(:first_hour AS TIMESTAMP) AND CAST(:last_hour AS TIMESTAMP)
GROUP BY r.hour_start, c.postcode
