-- Each user and hour of the batch with the postcode of the user's version valid in that hour (the first version's
-- for an hour before it) and the user's current postcode. Comparing the hour's start with the versions' bounds is
-- exact because the bounds are always at 00:00: a pageview at t in [hour, hour + 1h) is at or after valid_from
-- exactly when the hour is, and before valid_to exactly when the hour is.
CREATE TEMPORARY TABLE pvw_attributed_user_hours AS
SELECT
    u.user_id,
    u.hour_start,
    u.pageviews,
    v.postcode AS postcode_at_view,
    c.postcode AS current_postcode
FROM pvw_batch_user_hours AS u
LEFT JOIN core.user_postcode_history AS v
  ON v.user_id = u.user_id
 AND (v.valid_from <= u.hour_start OR v.is_first)
 AND (v.valid_to IS NULL OR u.hour_start < v.valid_to)
LEFT JOIN core.user_postcode_history AS c
  ON c.user_id = u.user_id AND c.valid_to IS NULL
