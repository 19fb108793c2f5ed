INSERT INTO pvw_delta_current (hour_start, postcode, pageviews)
SELECT f.hour_start, c.postcode, -count(*)
FROM core.pageview_fact AS f
LEFT JOIN core.user_postcode_history AS c
  ON c.user_id = f.user_id AND c.valid_to IS NULL
WHERE f.batch_id = :batch_id
  AND f.hour_start BETWEEN CAST(:first_hour AS TIMESTAMP) AND CAST(:last_hour AS TIMESTAMP)
GROUP BY f.hour_start, c.postcode
