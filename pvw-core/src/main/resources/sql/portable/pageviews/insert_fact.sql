-- Every valid pageview, with the postcode at view of its user and hour.
INSERT INTO core.pageview_fact (batch_id, user_id, url, pageview_at, hour_start, postcode_at_view)
SELECT :batch_id, p.user_id, p.url, p.pageview_datetime, p.hour_start, a.postcode_at_view
FROM pvw_pageview_rows AS p
JOIN pvw_attributed_user_hours AS a ON a.user_id = p.user_id AND a.hour_start = p.hour_start
WHERE p.reject_reason IS NULL
