-- The batch now standing for the hour; with no hour, the one with the same content.
SELECT batch_id, fingerprint, first_hour, last_hour
FROM core.pageview_batches
WHERE replaced_by IS NULL
  AND (batch_hour = CAST(:batch_hour AS TIMESTAMP)
       OR (CAST(:batch_hour AS TIMESTAMP) IS NULL AND batch_hour IS NULL AND fingerprint = :fingerprint))
