-- Writes the pageviews extract the generator landed to a file, for a warehouse of an engine that loads csv files.
COPY (SELECT user_id, url, pageview_datetime FROM raw.pageviews_extract) TO :path (FORMAT csv, HEADER false, FORCE_QUOTE *)
