-- Tests read back what a simulation landed.
SELECT user_id, url, pageview_datetime FROM raw.pageviews_extract
