DELETE FROM core.pageview_user_hours
WHERE batch_id = :batch_id
  AND hour_start BETWEEN CAST(:first_hour AS TIMESTAMP) AND CAST(:last_hour AS TIMESTAMP)
