CREATE TEMPORARY TABLE pvw_pageview_rows (
    user_id BIGINT,
    url VARCHAR,
    pageview_datetime TIMESTAMP,
    reject_reason VARCHAR
)
