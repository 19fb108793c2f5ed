INSERT INTO core.user_postcode_history (user_id, postcode, is_deleted, is_first, valid_from, valid_to, snapshot_id)
SELECT user_id, postcode, change = 'deleted', change = 'new', CAST(:effective_from AS TIMESTAMP), NULL, :snapshot_id
FROM pvw_user_changes
