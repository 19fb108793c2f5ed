-- The hours a run's pageview batches touched: those of the batches it recorded and of the batches they replaced.
SELECT min(first_hour) AS from_hour, max(last_hour) AS to_hour
FROM core.pageview_batches
WHERE run_id = :run_id
   OR replaced_by IN (SELECT batch_id FROM core.pageview_batches WHERE run_id = :run_id)
