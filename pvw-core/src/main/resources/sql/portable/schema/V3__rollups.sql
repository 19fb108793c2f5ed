-- Two rollups, both kept by every run in the run's transaction. Idempotent; a warehouse made before this version
-- gets them filled once from what it holds (V2__rollups_fill).
--
-- The pageviews of each batch counted by user and hour, with their postcode at view: the denormalised model at the
-- grain attribution needs (a user's postcode at view changes only at 00:00, when a snapshot takes effect), several
-- times smaller than the fact. A users snapshot corrects both marts from it rather than from every pageview.
CREATE TABLE IF NOT EXISTS core.pageview_user_hours (
    batch_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    hour_start TIMESTAMP NOT NULL,
    postcode_at_view VARCHAR,
    pageviews BIGINT NOT NULL
);

-- The hourly marts summed by day: one row per day and postcode with at least one pageview, (day_start, postcode)
-- unique. BI queries by day, week, month or year read a 24th of the rows.
CREATE TABLE IF NOT EXISTS mart.pageviews_daily_by_current_postcode (
    day_start TIMESTAMP NOT NULL,
    postcode VARCHAR,
    pageviews BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS mart.pageviews_daily_by_postcode_at_view (
    day_start TIMESTAMP NOT NULL,
    postcode VARCHAR,
    pageviews BIGINT NOT NULL
);
