-- The current postcode after the snapshot: that of the open version, NULL for a user no longer known
-- (new_postcode starts NULL). The work table rewritten whole, as Spark has no UPDATE ... FROM: a MERGE into it left
-- it unchanged while the session wrote a run's branch (spark.wap.branch), which a work table does not take part in.
INSERT OVERWRITE pvw_affected_users
SELECT a.user_id, a.affected_from, a.old_postcode, h.postcode
FROM pvw_affected_users AS a
LEFT JOIN (SELECT user_id, postcode FROM core.user_postcode_history WHERE valid_to IS NULL) AS h
  ON h.user_id = a.user_id
