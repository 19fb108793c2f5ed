-- Lands batch :batch of the stash in the (emptied) pageviews extract, as the extract process would.
INSERT INTO raw.pageviews_extract (user_id, url, pageview_datetime)
SELECT user_id, url, pageview_datetime
FROM bench.stash_pageviews
WHERE batch = :batch
