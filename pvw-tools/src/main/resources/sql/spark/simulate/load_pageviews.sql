-- Lands the pageviews extract the generator wrote as Parquet, which Spark reads as the view loaded_file.
INSERT INTO raw.pageviews_extract
SELECT user_id, url, pageview_datetime
FROM loaded_file
