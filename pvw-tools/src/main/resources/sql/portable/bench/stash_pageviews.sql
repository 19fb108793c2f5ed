-- Sets the pageviews extract aside as batch :batch.
INSERT INTO bench.stash_pageviews (batch, user_id, url, pageview_datetime)
SELECT :batch, user_id, url, pageview_datetime
FROM raw.pageviews_extract
