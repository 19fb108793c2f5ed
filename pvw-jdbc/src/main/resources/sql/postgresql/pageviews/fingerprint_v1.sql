-- The first form of pageviews/fingerprint.sql (md5), kept to compare the fingerprints a warehouse's ledger holds
-- from before the form changed (Fingerprint.matches).
-- Order-independent fingerprint of the raw extract: row count and the sum of a 64-bit slice of each row's md5,
-- so that the same content in any order gives the same value and a duplicated row changes it.
-- quote_nullable tells NULL from an empty string; the timestamp is rendered independently of DateStyle.
SELECT
    count(*) AS extract_rows,
    CAST(count(*) AS VARCHAR) || ':' || CAST(coalesce(sum(CAST(CAST(
        'x' || substr(md5(
            quote_nullable(user_id) || ',' || quote_nullable(url) || ','
            || quote_nullable(to_char(pageview_datetime, 'YYYY-MM-DD"T"HH24:MI:SS.US'))), 1, 16)
        AS BIT(64)) AS BIGINT)), 0) AS VARCHAR) AS fingerprint
FROM raw.pageviews_extract
