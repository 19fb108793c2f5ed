-- Two rollups, both kept by every run in the run's transaction. Idempotent; a warehouse made before this version
-- gets them filled once from what it holds (V2__rollups_fill).
--
-- The pageviews of each batch counted by user and hour, with their postcode at view: the denormalised model at the
-- grain attribution needs (a user's postcode at view changes only at 00:00, when a snapshot takes effect), several
-- times smaller than the fact. A users snapshot corrects both marts from it rather than from every pageview.
-- Not partitioned: it is a few times smaller than the fact, and its access paths are the two indexes below.
CREATE TABLE IF NOT EXISTS core.pageview_user_hours (
    batch_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    hour_start TIMESTAMP NOT NULL,
    postcode_at_view VARCHAR,
    pageviews BIGINT NOT NULL
);
-- A users snapshot reads the affected users' rows (all their hours) and re-attributes some of them by user and hour.
CREATE INDEX IF NOT EXISTS pageview_user_hours_user
    ON core.pageview_user_hours (user_id, hour_start);
-- Rows arrive batch by batch: a replaced batch's rows, and an hour range, by a BRIN index of a few pages.
CREATE INDEX IF NOT EXISTS pageview_user_hours_hour_batch
    ON core.pageview_user_hours USING brin (hour_start, batch_id);

-- The hourly marts summed by day, for BI queries by day, week, month or year. Keys as the hourly marts'.
CREATE TABLE IF NOT EXISTS mart.pageviews_daily_by_current_postcode (
    day_start TIMESTAMP NOT NULL,
    postcode VARCHAR,
    pageviews BIGINT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS pageviews_daily_by_current_postcode_key
    ON mart.pageviews_daily_by_current_postcode (day_start, (coalesce(postcode, '')));

CREATE TABLE IF NOT EXISTS mart.pageviews_daily_by_postcode_at_view (
    day_start TIMESTAMP NOT NULL,
    postcode VARCHAR,
    pageviews BIGINT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS pageviews_daily_by_postcode_at_view_key
    ON mart.pageviews_daily_by_postcode_at_view (day_start, (coalesce(postcode, '')));
