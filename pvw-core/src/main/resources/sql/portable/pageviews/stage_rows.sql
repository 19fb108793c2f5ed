-- The extract as read once in this transaction, each row with its hour and the reason it is rejected, if any.
INSERT INTO pvw_pageview_rows (user_id, url, pageview_datetime, hour_start, reject_reason)
SELECT
    user_id,
    url,
    pageview_datetime,
    date_trunc('hour', pageview_datetime),
    CASE
        WHEN user_id IS NULL THEN 'null_user_id'
        WHEN pageview_datetime IS NULL THEN 'null_pageview_datetime'
        WHEN pageview_datetime > CAST(:as_of AS TIMESTAMP) THEN 'pageview_after_as_of'
    END
FROM raw.pageviews_extract
