-- Where the bare minimum of an hourly step writes: a plain copy of the pageviews and one hourly aggregate.
CREATE SCHEMA IF NOT EXISTS bench;
CREATE TABLE IF NOT EXISTS bench.bare_pageviews (
    user_id BIGINT,
    url VARCHAR,
    pageview_datetime TIMESTAMP
);
CREATE TABLE IF NOT EXISTS bench.bare_hourly (
    hour_start TIMESTAMP,
    postcode VARCHAR,
    pageviews BIGINT
);
