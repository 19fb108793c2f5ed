-- pvw_pageview_rows: the extract as read once, each row with its hour and the reason it is rejected, if any.
user_id BIGINT,
url VARCHAR,
pageview_datetime TIMESTAMP,
hour_start TIMESTAMP,
reject_reason VARCHAR
