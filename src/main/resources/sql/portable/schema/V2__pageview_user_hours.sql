-- The pageviews of each batch counted by user and hour, with their postcode at view: the denormalised model at the
-- grain attribution needs (a user's postcode at view changes only at 00:00, when a snapshot takes effect), several
-- times smaller than the fact. A users snapshot corrects both marts from it rather than from every pageview.
-- Idempotent; a warehouse made before this version gets it filled from the fact once (V2__pageview_user_hours_fill).
CREATE TABLE IF NOT EXISTS core.pageview_user_hours (
    batch_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    hour_start TIMESTAMP NOT NULL,
    postcode_at_view VARCHAR,
    pageviews BIGINT NOT NULL
);
