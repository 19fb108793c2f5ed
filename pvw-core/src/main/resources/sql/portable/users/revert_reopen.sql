-- Undo a replaced snapshot, step 2: reopen the versions it closed.
UPDATE core.user_postcode_history
SET valid_to = NULL
WHERE valid_to = CAST(:effective_from AS TIMESTAMP)
