-- Order-independent fingerprint of the raw extract: row count and the sum of the rows' 64-bit hashes (as DECIMAL,
-- which cannot overflow as ANSI-mode BIGINT would), so that the same content in any order gives the same value and a
-- duplicated row changes it. Spark's hashes skip NULLs, so each column's NULL flag is hashed too.
SELECT
    count(*) AS extract_rows,
    CAST(count(*) AS STRING) || ':' || CAST(coalesce(sum(CAST(
        xxhash64(id IS NULL, id, postcode IS NULL, postcode) AS DECIMAL(38, 0))), 0) AS STRING) AS fingerprint
FROM raw.users_extract
