INSERT INTO core.pageview_user_hours (batch_id, user_id, hour_start, postcode_at_view, pageviews)
SELECT :batch_id, user_id, hour_start, postcode_at_view, pageviews
FROM pvw_attributed_user_hours
