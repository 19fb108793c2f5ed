-- Loads a whole pageviews extract in one statement: the values come as one array per column, zipped row by row
-- by unnest, which every supported engine has. Row-at-a-time batches are some forty times slower on DuckDB.
-- Array elements may be NULL, as values in a real extract may be. Times come as text so that no driver shifts
-- them by a time zone.
INSERT INTO raw.pageviews_extract (user_id, url, pageview_datetime)
SELECT
    unnest(CAST(:user_ids AS BIGINT[])),
    unnest(CAST(:urls AS VARCHAR[])),
    CAST(unnest(CAST(:pageview_datetimes AS VARCHAR[])) AS TIMESTAMP)
