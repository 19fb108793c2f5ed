-- Every pageview of a user whose current postcode changed moves from the old postcode to the new one.
INSERT INTO pvw_delta_current (hour_start, postcode, pageviews)
SELECT h.hour_start, a.old_postcode, -sum(h.pageviews)
FROM pvw_affected_user_hours AS h
JOIN pvw_affected_users AS a ON a.user_id = h.user_id
WHERE a.old_postcode IS DISTINCT FROM a.new_postcode
GROUP BY h.hour_start, a.old_postcode
UNION ALL
SELECT h.hour_start, a.new_postcode, sum(h.pageviews)
FROM pvw_affected_user_hours AS h
JOIN pvw_affected_users AS a ON a.user_id = h.user_id
WHERE a.old_postcode IS DISTINCT FROM a.new_postcode
GROUP BY h.hour_start, a.new_postcode
