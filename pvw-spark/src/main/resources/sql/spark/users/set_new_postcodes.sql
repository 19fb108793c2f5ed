-- The current postcode after the snapshot: that of the open version, NULL for a user no longer known
-- (new_postcode starts NULL). A MERGE, as Spark has no UPDATE ... FROM.
MERGE INTO pvw_affected_users AS a
USING (SELECT user_id, postcode FROM core.user_postcode_history WHERE valid_to IS NULL) AS h
ON h.user_id = a.user_id
WHEN MATCHED THEN UPDATE SET new_postcode = h.postcode
