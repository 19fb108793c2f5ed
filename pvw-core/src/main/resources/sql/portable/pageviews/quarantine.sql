INSERT INTO core.quarantined_pageviews (run_id, batch_id, user_id, url, pageview_datetime, reason)
SELECT :run_id, :batch_id, user_id, url, pageview_datetime, reject_reason
FROM pvw_pageview_rows
WHERE reject_reason IS NOT NULL
