-- Extracts set aside for the fresh-process runs of pvw bench, landed while the simulation runs and put back, one at a
-- time, into the extract tables before each process: batch 0 is a batch already loaded, 1 onwards new hours; day 1
-- onwards are the users extracts of the days after the measured ones.
CREATE SCHEMA IF NOT EXISTS bench;
DROP TABLE IF EXISTS bench.stash_pageviews;
CREATE TABLE bench.stash_pageviews (
    batch INTEGER,
    user_id BIGINT,
    url VARCHAR,
    pageview_datetime TIMESTAMP
);
DROP TABLE IF EXISTS bench.stash_users;
CREATE TABLE bench.stash_users (
    day INTEGER,
    id BIGINT,
    postcode VARCHAR
);
