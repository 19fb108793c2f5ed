SELECT batch_hour, counted_rows, quarantined_rows, run_id
FROM core.pageview_batches
WHERE replaced_by IS NULL AND batch_hour IS NOT NULL
ORDER BY batch_hour DESC
LIMIT :limit
