SELECT min(batch_hour) AS first_hour, max(batch_hour) AS last_hour, count(*) AS hours
FROM core.pageview_batches
WHERE replaced_by IS NULL AND batch_hour IS NOT NULL
