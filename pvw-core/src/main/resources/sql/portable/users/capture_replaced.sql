-- Users whose history the replaced snapshot changed, with the current postcode the marts hold for them.
-- A user it introduced is affected over all time (affected_from NULL), the others from its effective time.
INSERT INTO pvw_affected_users (user_id, affected_from, old_postcode)
SELECT user_id, CASE WHEN is_first THEN NULL ELSE valid_from END, postcode
FROM core.user_postcode_history
WHERE valid_from = CAST(:effective_from AS TIMESTAMP)
