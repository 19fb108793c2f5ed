-- Every pageview of a user whose current postcode changed moves from the old postcode to the new one.
INSERT INTO pvw_delta_current (hour_start, postcode, pageviews)
SELECT f.hour_start, a.old_postcode, -count(*)
FROM core.pageview_fact AS f
JOIN pvw_affected_users AS a ON a.user_id = f.user_id
WHERE a.old_postcode IS DISTINCT FROM a.new_postcode
GROUP BY f.hour_start, a.old_postcode
UNION ALL
SELECT f.hour_start, a.new_postcode, count(*)
FROM core.pageview_fact AS f
JOIN pvw_affected_users AS a ON a.user_id = f.user_id
WHERE a.old_postcode IS DISTINCT FROM a.new_postcode
GROUP BY f.hour_start, a.new_postcode
