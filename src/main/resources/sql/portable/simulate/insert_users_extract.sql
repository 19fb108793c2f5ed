-- Loads a whole users extract in one statement: the values come as one array per column, zipped row by row
-- by unnest, which every supported engine has. Row-at-a-time batches are some forty times slower on DuckDB.
-- Array elements may be NULL, as values in a real extract may be.
INSERT INTO raw.users_extract (id, postcode)
SELECT
    unnest(CAST(:ids AS BIGINT[])),
    unnest(CAST(:postcodes AS VARCHAR[]))
