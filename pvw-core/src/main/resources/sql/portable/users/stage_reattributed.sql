-- The affected users' hours whose postcode at view the new history changes (from the time each user is affected
-- from), with the postcode counted now and the one the history gives. Hour-level comparison is exact because
-- versions start and end at 00:00 (see pageviews/attribute).
SELECT h.user_id, h.hour_start, h.postcode_at_view AS old_postcode, v.postcode AS new_postcode, h.pageviews
FROM pvw_affected_user_hours AS h
JOIN pvw_affected_users AS a
  ON a.user_id = h.user_id AND (a.affected_from IS NULL OR h.hour_start >= a.affected_from)
LEFT JOIN core.user_postcode_history AS v
  ON v.user_id = h.user_id
 AND (v.valid_from <= h.hour_start OR v.is_first)
 AND (v.valid_to IS NULL OR h.hour_start < v.valid_to)
WHERE h.postcode_at_view IS DISTINCT FROM v.postcode
