-- The batch's valid pageviews counted by user and hour: the grain at which they are attributed, because a user's
-- postcode at view can only change at 00:00 (every snapshot is effective from the start of a day), so all of a
-- user's pageviews in one hour have one postcode at view. A few times fewer rows than pageviews.
SELECT user_id, hour_start, count(*) AS pageviews
FROM pvw_pageview_rows
WHERE reject_reason IS NULL
GROUP BY user_id, hour_start
