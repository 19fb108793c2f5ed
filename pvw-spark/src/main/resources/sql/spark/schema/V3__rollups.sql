-- Two rollups, both kept by every run. Idempotent; a warehouse made before this version gets them filled once from
-- what it holds (V3__rollups_fill).
--
-- The pageviews of each batch counted by user and hour, with their postcode at view (see the portable script).
-- Partitioned by day like the fact: a users snapshot re-attributes the days it changes.
CREATE TABLE IF NOT EXISTS core.pageview_user_hours (
    batch_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    hour_start TIMESTAMP NOT NULL,
    postcode_at_view STRING,
    pageviews BIGINT NOT NULL
) USING iceberg
PARTITIONED BY (days(hour_start));

-- The hourly marts summed by day, for BI queries by day, week, month or year.
CREATE TABLE IF NOT EXISTS mart.pageviews_daily_by_current_postcode (
    day_start TIMESTAMP NOT NULL,
    postcode STRING,
    pageviews BIGINT NOT NULL
) USING iceberg;

CREATE TABLE IF NOT EXISTS mart.pageviews_daily_by_postcode_at_view (
    day_start TIMESTAMP NOT NULL,
    postcode STRING,
    pageviews BIGINT NOT NULL
) USING iceberg;
