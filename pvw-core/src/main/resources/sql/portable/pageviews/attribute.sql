-- Each user and hour of the batch with the postcode of the user's version valid in that hour (the first version's
-- for an hour before it) and the user's current postcode. Comparing the hour's start with the versions' bounds is
-- exact because the bounds are always at 00:00: a pageview at t in [hour, hour + 1h) is at or after valid_from
-- exactly when the hour is, and before valid_to exactly when the hour is.
-- One join with the open versions settles nearly every row: the open version is also the one valid in the hour
-- unless the hour is older than the last change of the user (a late row) or the user is unknown. Only those few rows
-- are joined with the rest of the history, which spares a second pass over it per batch.
WITH with_current AS MATERIALIZED (
    SELECT
        u.user_id,
        u.hour_start,
        u.pageviews,
        c.postcode AS current_postcode,
        c.user_id IS NULL OR c.valid_from <= u.hour_start OR c.is_first AS current_is_at_view
    FROM pvw_batch_user_hours AS u
    LEFT JOIN core.user_postcode_history AS c
      ON c.user_id = u.user_id AND c.valid_to IS NULL
)
SELECT user_id, hour_start, pageviews, current_postcode AS postcode_at_view, current_postcode
FROM with_current
WHERE current_is_at_view
UNION ALL
SELECT w.user_id, w.hour_start, w.pageviews, v.postcode, w.current_postcode
FROM with_current AS w
LEFT JOIN core.user_postcode_history AS v
  ON v.user_id = w.user_id
 AND (v.valid_from <= w.hour_start OR v.is_first)
 AND (v.valid_to IS NULL OR w.hour_start < v.valid_to)
WHERE NOT w.current_is_at_view
