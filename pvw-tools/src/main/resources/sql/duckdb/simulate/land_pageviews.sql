-- One hour of pageviews, loaded as the pageviews extract after clear_pageviews_extract in one transaction.
-- Every user who views pages this hour starts a Poisson number of sessions, at a rate in proportion to the user's
-- activity (:sessions_per_activity carries the hour's share of the day); a session is 1 to 30 pageviews (4 on
-- average) 5 s to 2 min apart, all within the hour; pages are drawn with a skew. A few rows are copied as the bad
-- rows of a real extract, about :bad_row_rate of each kind an hour: without a user, without a time, or stamped by a
-- skewed clock after the extract was taken.
INSERT INTO raw.pageviews_extract (user_id, url, pageview_datetime)
WITH draws AS (
    SELECT
        user_id,
        CAST(:sessions_per_activity AS DOUBLE) * activity AS rate,
        sim_uniform(hash(CAST(:seed AS BIGINT), 'sessions', CAST(:hour_key AS BIGINT)), user_id) AS u
    FROM sim.users
    WHERE view_from_hour <= CAST(:hour_of_day AS INTEGER) AND CAST(:hour_of_day AS INTEGER) < view_to_hour
),
sessions AS (
    SELECT user_id, user_id * 64 + unnest(range(least(63, sim_poisson(
        rate, u, sim_gaussian(u, sim_uniform(hash(CAST(:seed AS BIGINT), 'sessions z', CAST(:hour_key AS BIGINT)),
                                             user_id)))))) AS session_key
    FROM draws
    WHERE u >= exp(-rate)
),
shaped AS (
    SELECT
        user_id,
        session_key,
        CAST(least(30, 1 + floor(ln(1 - sim_uniform(hash(CAST(:seed AS BIGINT), 'length', CAST(:hour_key AS BIGINT)),
                                                     session_key)) / ln(0.75))) AS BIGINT) AS views,
        5 + CAST(floor(115 * sim_uniform(hash(CAST(:seed AS BIGINT), 'gap', CAST(:hour_key AS BIGINT)), session_key))
                 AS BIGINT) AS gap,
        sim_uniform(hash(CAST(:seed AS BIGINT), 'start', CAST(:hour_key AS BIGINT)), session_key) AS start_draw
    FROM sessions
),
pageviews AS MATERIALIZED (
    SELECT
        user_id,
        session_key * 32 + view AS view_key,
        CAST(floor(start_draw * (3600 - (views - 1) * gap)) AS BIGINT) + view * gap AS second_of_hour
    FROM (SELECT *, unnest(range(views)) AS view FROM shaped) AS expanded
)
SELECT
    user_id,
    CASE
        WHEN sim_uniform(hash(CAST(:seed AS BIGINT), 'no url', CAST(:hour_key AS BIGINT)), view_key) < 0.0002 THEN NULL
        ELSE sim_url(sim_uniform(hash(CAST(:seed AS BIGINT), 'page', CAST(:hour_key AS BIGINT)), view_key),
                     sim_uniform(hash(CAST(:seed AS BIGINT), 'page rank', CAST(:hour_key AS BIGINT)), view_key))
    END,
    CAST(:hour_start AS TIMESTAMP) + to_seconds(second_of_hour)
FROM pageviews
UNION ALL
SELECT NULL, 'www.website.com/index.html', CAST(:hour_start AS TIMESTAMP) + to_seconds(second_of_hour)
FROM pageviews
WHERE sim_uniform(hash(CAST(:seed AS BIGINT), 'no user', CAST(:hour_key AS BIGINT)), view_key)
      < CAST(:bad_row_chance AS DOUBLE)
UNION ALL
SELECT user_id, 'www.website.com/index.html', NULL
FROM pageviews
WHERE sim_uniform(hash(CAST(:seed AS BIGINT), 'no time', CAST(:hour_key AS BIGINT)), view_key)
      < CAST(:bad_row_chance AS DOUBLE)
UNION ALL
SELECT user_id, 'www.website.com/index.html',
       CAST(:extracted_at AS TIMESTAMP)
       + to_seconds(1 + CAST(floor(3600 * sim_uniform(hash(CAST(:seed AS BIGINT), 'skew', CAST(:hour_key AS BIGINT)),
                                                       view_key)) AS BIGINT))
FROM pageviews
WHERE sim_uniform(hash(CAST(:seed AS BIGINT), 'skewed clock', CAST(:hour_key AS BIGINT)), view_key)
      < CAST(:bad_row_chance AS DOUBLE)
