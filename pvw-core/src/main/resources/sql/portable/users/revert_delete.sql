-- Undo a replaced snapshot, step 1: the versions it opened.
DELETE FROM core.user_postcode_history
WHERE valid_from = CAST(:effective_from AS TIMESTAMP)
