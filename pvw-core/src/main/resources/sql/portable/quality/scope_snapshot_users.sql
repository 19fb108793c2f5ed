-- The users whose history a committed snapshot changed: the versions it opened, and the ones it closed.
INSERT INTO pvw_check_users (user_id)
SELECT DISTINCT user_id
FROM core.user_postcode_history
WHERE snapshot_id = :snapshot_id
   OR valid_to = CAST(:effective_from AS TIMESTAMP)
