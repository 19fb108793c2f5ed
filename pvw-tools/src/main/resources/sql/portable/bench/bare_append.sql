-- Bare minimum of an hourly step, 1 of 2: append the batch as it is.
INSERT INTO bench.bare_pageviews (user_id, url, pageview_datetime)
SELECT user_id, url, pageview_datetime
FROM raw.pageviews_extract
