-- The affected users' pageviews by hour and postcode at view, from the per-user-hour rollup: the only full read of
-- history a users snapshot makes, and of rows a few times fewer than pageviews. Both marts' corrections and the
-- re-attribution are computed from it.
SELECT r.user_id, r.hour_start, r.postcode_at_view, sum(r.pageviews) AS pageviews
FROM core.pageview_user_hours AS r
WHERE r.user_id IN (SELECT user_id FROM pvw_affected_users)
GROUP BY r.user_id, r.hour_start, r.postcode_at_view
