-- Runs of hours with no batch between the first and the last loaded hour.
SELECT batch_hour AS before_gap, next_hour AS after_gap
FROM (
    SELECT batch_hour, lead(batch_hour) OVER (ORDER BY batch_hour) AS next_hour
    FROM core.pageview_batches
    WHERE replaced_by IS NULL AND batch_hour IS NOT NULL
) AS hours
WHERE next_hour > batch_hour + INTERVAL '1 hour'
ORDER BY batch_hour
