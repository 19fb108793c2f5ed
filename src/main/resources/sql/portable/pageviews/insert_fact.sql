INSERT INTO core.pageview_fact (batch_id, user_id, url, pageview_at, hour_start, postcode_at_view)
SELECT :batch_id, user_id, url, pageview_at, hour_start, postcode_at_view
FROM pvw_attributed_pageviews
