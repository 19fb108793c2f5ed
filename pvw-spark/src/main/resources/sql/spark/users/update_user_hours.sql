-- Re-attributes the rollup's rows of the changed users and hours; the bounds prune its days. A MERGE, as Spark has
-- no UPDATE ... FROM.
MERGE INTO core.pageview_user_hours AS r
USING (SELECT DISTINCT user_id, hour_start, new_postcode FROM pvw_reattributed) AS c
ON r.user_id = c.user_id
   AND r.hour_start = c.hour_start
   AND r.hour_start BETWEEN CAST(:first_hour AS TIMESTAMP) AND CAST(:last_hour AS TIMESTAMP)
WHEN MATCHED THEN UPDATE SET postcode_at_view = c.new_postcode
