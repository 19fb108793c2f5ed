-- Every user whose open version no longer describes them: new, moved, returned or deleted.
SELECT
    coalesce(s.user_id, h.user_id) AS user_id,
    CASE
        WHEN h.user_id IS NULL THEN 'new'
        WHEN s.user_id IS NULL THEN 'deleted'
        WHEN h.is_deleted THEN 'returned'
        ELSE 'moved'
    END AS change,
    CASE WHEN s.user_id IS NULL THEN h.postcode ELSE s.postcode END AS postcode,
    h.postcode AS previous_postcode
FROM pvw_snapshot_users AS s
FULL OUTER JOIN (
    SELECT user_id, postcode, is_deleted
    FROM core.user_postcode_history
    WHERE valid_to IS NULL
) AS h ON h.user_id = s.user_id
WHERE h.user_id IS NULL
   OR (s.user_id IS NULL AND NOT h.is_deleted)
   OR (s.user_id IS NOT NULL AND (h.is_deleted OR s.postcode IS DISTINCT FROM h.postcode))
