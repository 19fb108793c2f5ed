-- Order-independent fingerprint of the raw extract, as users/fingerprint.sql (tagged v2, hashtextextended); the
-- timestamp is rendered independently of DateStyle.
SELECT
    count(*) AS extract_rows,
    'v2:' || CAST(count(*) AS VARCHAR) || ':' || CAST(coalesce(sum(hashtextextended(
        quote_nullable(user_id) || ',' || quote_nullable(url) || ','
            || quote_nullable(to_char(pageview_datetime, 'YYYY-MM-DD"T"HH24:MI:SS.US')), 0)), 0) AS VARCHAR)
        AS fingerprint
FROM raw.pageviews_extract
