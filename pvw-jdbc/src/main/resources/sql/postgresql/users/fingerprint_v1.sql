-- The first form of users/fingerprint.sql (md5), kept to compare the fingerprints a warehouse's ledger holds from
-- before the form changed (Fingerprint.matches).
-- Order-independent fingerprint of the raw extract: row count and the sum of a 64-bit slice of each row's md5,
-- so that the same content in any order gives the same value and a duplicated row changes it.
-- quote_nullable tells NULL from an empty string.
SELECT
    count(*) AS extract_rows,
    CAST(count(*) AS VARCHAR) || ':' || CAST(coalesce(sum(CAST(CAST(
        'x' || substr(md5(quote_nullable(id) || ',' || quote_nullable(postcode)), 1, 16)
        AS BIT(64)) AS BIGINT)), 0) AS VARCHAR) AS fingerprint
FROM raw.users_extract
