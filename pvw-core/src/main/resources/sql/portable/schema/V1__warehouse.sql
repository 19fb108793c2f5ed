-- The whole warehouse: extract tables (raw), history, fact, ledgers and quarantine (core), marts (mart).
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

-- The denormalised fact: every counted pageview with its hour and the user's postcode at the time.
CREATE TABLE IF NOT EXISTS core.pageview_fact (
    batch_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    url VARCHAR,
    pageview_at TIMESTAMP NOT NULL,
    hour_start TIMESTAMP NOT NULL,
    postcode_at_view VARCHAR
);

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

CREATE TABLE IF NOT EXISTS mart.pageviews_hourly_by_current_postcode (
    hour_start TIMESTAMP NOT NULL,
    postcode VARCHAR,
    pageviews BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS mart.pageviews_hourly_by_postcode_at_view (
    hour_start TIMESTAMP NOT NULL,
    postcode VARCHAR,
    pageviews BIGINT NOT NULL
);
