-- Users whose attribution the new snapshot changes, unless the replaced snapshot already put them in.
-- A deleted user, or one returning with the postcode it left with, keeps its attribution.
INSERT INTO pvw_affected_users (user_id, affected_from, old_postcode)
SELECT c.user_id,
       CASE WHEN c.change = 'new' THEN NULL ELSE CAST(:effective_from AS TIMESTAMP) END,
       c.previous_postcode
FROM pvw_user_changes AS c
WHERE (c.change IN ('new', 'moved')
       OR (c.change = 'returned' AND c.postcode IS DISTINCT FROM c.previous_postcode))
  AND NOT EXISTS (SELECT 1 FROM pvw_affected_users AS a WHERE a.user_id = c.user_id)
