-- The whole warehouse on PostgreSQL: the portable tables with the same names and columns, plus the physical
-- design of docs/postgresql.md (partitioned fact, indexes for each access path).
-- Every statement is idempotent so that init can run at any time without touching data.
CREATE SCHEMA IF NOT EXISTS raw;
CREATE SCHEMA IF NOT EXISTS core;
CREATE SCHEMA IF NOT EXISTS mart;

-- Written by the extract processes: all users, truncated and reloaded daily.
CREATE TABLE IF NOT EXISTS raw.users_extract (
    id BIGINT,
    postcode VARCHAR
);

-- Written by the extract processes: the previous hour's pageviews, truncated and reloaded hourly.
CREATE TABLE IF NOT EXISTS raw.pageviews_extract (
    user_id BIGINT,
    url VARCHAR,
    pageview_datetime TIMESTAMP
);

-- One row per invocation of run; the final outcome is written in the run's own transaction.
CREATE TABLE IF NOT EXISTS core.runs (
    run_id BIGINT NOT NULL PRIMARY KEY,
    started_at TIMESTAMP NOT NULL,
    as_of TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    outcome VARCHAR NOT NULL,
    users_outcome VARCHAR,
    pageviews_outcome VARCHAR,
    message VARCHAR
);

-- Ledger of accepted users snapshots; replaced_by is set when a same-day re-run replaces one.
CREATE TABLE IF NOT EXISTS core.users_snapshots (
    snapshot_id BIGINT NOT NULL PRIMARY KEY,
    effective_from TIMESTAMP NOT NULL,
    fingerprint VARCHAR NOT NULL,
    extract_rows BIGINT NOT NULL,
    distinct_ids BIGINT NOT NULL,
    users BIGINT NOT NULL,
    new_users BIGINT NOT NULL,
    moved_users BIGINT NOT NULL,
    returned_users BIGINT NOT NULL,
    deleted_users BIGINT NOT NULL,
    quarantined_rows BIGINT NOT NULL,
    run_id BIGINT NOT NULL,
    replaced_by BIGINT
);

-- Type 2 history of where each user was: half-open [valid_from, valid_to), valid_to NULL when open.
-- A deleted version records an absence and carries the last postcode the user had.
CREATE TABLE IF NOT EXISTS core.user_postcode_history (
    user_id BIGINT NOT NULL,
    postcode VARCHAR,
    is_deleted BOOLEAN NOT NULL,
    is_first BOOLEAN NOT NULL,
    valid_from TIMESTAMP NOT NULL,
    valid_to TIMESTAMP,
    snapshot_id BIGINT NOT NULL
);
-- Point-in-time lookups (the version of a user valid at t) and one version per user and start.
CREATE UNIQUE INDEX IF NOT EXISTS user_postcode_history_user_valid_from
    ON core.user_postcode_history (user_id, valid_from);
-- The open version of each user: current postcodes and the comparison with a new snapshot.
CREATE INDEX IF NOT EXISTS user_postcode_history_open
    ON core.user_postcode_history (user_id) INCLUDE (postcode, is_deleted) WHERE valid_to IS NULL;

-- Ledger of pageview batches, one active row per hour; batch_hour is NULL for a batch with no valid row.
CREATE TABLE IF NOT EXISTS core.pageview_batches (
    batch_id BIGINT NOT NULL PRIMARY KEY,
    batch_hour TIMESTAMP,
    fingerprint VARCHAR NOT NULL,
    extract_rows BIGINT NOT NULL,
    counted_rows BIGINT NOT NULL,
    quarantined_rows BIGINT NOT NULL,
    first_hour TIMESTAMP,
    last_hour TIMESTAMP,
    run_id BIGINT NOT NULL,
    replaced_by BIGINT
);
-- At most one standing batch per hour, found by its hour.
CREATE UNIQUE INDEX IF NOT EXISTS pageview_batches_standing_hour
    ON core.pageview_batches (batch_hour) WHERE replaced_by IS NULL AND batch_hour IS NOT NULL;

-- The denormalised fact: every counted pageview with its hour and the user's postcode at the time.
CREATE TABLE IF NOT EXISTS core.pageview_fact (
    batch_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    url VARCHAR,
    pageview_at TIMESTAMP NOT NULL,
    hour_start TIMESTAMP NOT NULL,
    postcode_at_view VARCHAR
) PARTITION BY RANGE (hour_start);
-- Partitions (one per day of hour_start) are created by the run that first loads rows for the day.
-- BRIN: rows arrive in batches, so hour_start and batch_id are physically clustered; a tiny index finds a
-- replaced batch's rows and an hour range without a B-tree's cost on every insert.
CREATE INDEX IF NOT EXISTS pageview_fact_hour_batch
    ON core.pageview_fact USING brin (hour_start, batch_id);
-- A user's pageviews, for re-attribution when a snapshot changes the user's history.
CREATE INDEX IF NOT EXISTS pageview_fact_user
    ON core.pageview_fact (user_id, pageview_at);

CREATE TABLE IF NOT EXISTS core.quarantined_pageviews (
    run_id BIGINT NOT NULL,
    batch_id BIGINT NOT NULL,
    user_id BIGINT,
    url VARCHAR,
    pageview_datetime TIMESTAMP,
    reason VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS core.quarantined_users (
    run_id BIGINT NOT NULL,
    snapshot_id BIGINT NOT NULL,
    id BIGINT,
    postcode VARCHAR,
    reason VARCHAR NOT NULL
);

-- Marts: (hour_start, postcode) is unique with NULL as one value. PostgreSQL 14 has no NULLS NOT DISTINCT,
-- so the key is (hour_start, coalesce(postcode, '')): normalised postcodes are never ''. It also serves BI
-- queries by time range; the second index serves queries by postcode.
CREATE TABLE IF NOT EXISTS mart.pageviews_hourly_by_current_postcode (
    hour_start TIMESTAMP NOT NULL,
    postcode VARCHAR,
    pageviews BIGINT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS pageviews_hourly_by_current_postcode_key
    ON mart.pageviews_hourly_by_current_postcode (hour_start, (coalesce(postcode, '')));
CREATE INDEX IF NOT EXISTS pageviews_hourly_by_current_postcode_postcode
    ON mart.pageviews_hourly_by_current_postcode (postcode, hour_start) INCLUDE (pageviews);

CREATE TABLE IF NOT EXISTS mart.pageviews_hourly_by_postcode_at_view (
    hour_start TIMESTAMP NOT NULL,
    postcode VARCHAR,
    pageviews BIGINT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS pageviews_hourly_by_postcode_at_view_key
    ON mart.pageviews_hourly_by_postcode_at_view (hour_start, (coalesce(postcode, '')));
CREATE INDEX IF NOT EXISTS pageviews_hourly_by_postcode_at_view_postcode
    ON mart.pageviews_hourly_by_postcode_at_view (postcode, hour_start) INCLUDE (pageviews);
