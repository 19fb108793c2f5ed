UPDATE core.user_postcode_history
SET valid_to = CAST(:effective_from AS TIMESTAMP)
WHERE valid_to IS NULL
  AND user_id IN (SELECT user_id FROM pvw_user_changes WHERE change <> 'new')
