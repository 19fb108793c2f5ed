-- The hour of a standing batch whose content is the extract's (SPEC: the same content again changes nothing), looked
-- up before the extract is read, so that a run that finds its batch loaded reads no row of it. Only a batch with an
-- hour: an extract that had no valid row (every row in the future, say) is read again, since a later --as-of may
-- count it.
SELECT batch_hour
FROM core.pageview_batches
WHERE replaced_by IS NULL AND fingerprint = :fingerprint AND batch_hour IS NOT NULL
ORDER BY batch_id DESC
LIMIT 1
