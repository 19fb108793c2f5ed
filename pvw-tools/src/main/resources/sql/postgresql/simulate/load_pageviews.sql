-- Lands the pageviews extract the generator wrote as CSV, streamed from pvw to the server.
COPY raw.pageviews_extract (user_id, url, pageview_datetime) FROM STDIN (FORMAT csv)
