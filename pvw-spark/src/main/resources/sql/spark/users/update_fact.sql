-- Re-attributes the fact's pageviews of the changed users and hours, as the rollup's; the bounds prune the fact's
-- days. A MERGE, as Spark has no UPDATE ... FROM.
MERGE INTO core.pageview_fact AS f
USING (SELECT DISTINCT user_id, hour_start, new_postcode FROM pvw_reattributed) AS c
ON f.user_id = c.user_id
   AND f.hour_start = c.hour_start
   AND f.hour_start BETWEEN CAST(:first_hour AS TIMESTAMP) AND CAST(:last_hour AS TIMESTAMP)
WHEN MATCHED THEN UPDATE SET postcode_at_view = c.new_postcode
