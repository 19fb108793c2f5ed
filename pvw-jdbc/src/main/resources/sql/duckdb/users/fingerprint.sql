-- Order-independent fingerprint of the raw extract: row count and the sum of the rows' hashes,
-- so that the same content in any order gives the same value and a duplicated row changes it.
SELECT
    count(*) AS extract_rows,
    CAST(count(*) AS VARCHAR) || ':' || CAST(coalesce(sum(hash(id, postcode)), 0) AS VARCHAR) AS fingerprint
FROM raw.users_extract
