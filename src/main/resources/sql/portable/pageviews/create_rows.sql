CREATE TEMPORARY TABLE pvw_pageview_rows (
    user_id BIGINT,
    url VARCHAR,
    pageview_datetime TIMESTAMP,
    hour_start TIMESTAMP,
    reject_reason VARCHAR
)
