-- The whole warehouse as Iceberg tables: the portable tables with the same names and columns (STRING for VARCHAR,
-- no keys: Iceberg enforces none), plus the physical design of docs/spark.md. The columns that version 2 adds
-- elsewhere are here from the start, as Spark cannot add a column only if it is missing; V2 has nothing left to do.
-- Every statement is idempotent so that init can run at any time without touching data.
CREATE NAMESPACE IF NOT EXISTS raw;
CREATE NAMESPACE IF NOT EXISTS core;
CREATE NAMESPACE IF NOT EXISTS mart;

-- Written by the extract processes, with any Iceberg writer: all users, truncated and reloaded daily.
CREATE TABLE IF NOT EXISTS raw.users_extract (
    id BIGINT,
    postcode STRING
) USING iceberg;

-- Written by the extract processes: the previous hour's pageviews, truncated and reloaded hourly. pageview_datetime
-- is an Iceberg timestamp without zone (TIMESTAMP_NTZ in Spark).
CREATE TABLE IF NOT EXISTS raw.pageviews_extract (
    user_id BIGINT,
    url STRING,
    pageview_datetime TIMESTAMP
) USING iceberg;

-- One row per invocation of run.
CREATE TABLE IF NOT EXISTS core.runs (
    run_id BIGINT NOT NULL,
    started_at TIMESTAMP NOT NULL,
    as_of TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    outcome STRING NOT NULL,
    users_outcome STRING,
    pageviews_outcome STRING,
    message STRING
) USING iceberg;

-- Ledger of accepted users snapshots; replaced_by is set when a same-day re-run replaces one.
CREATE TABLE IF NOT EXISTS core.users_snapshots (
    snapshot_id BIGINT NOT NULL,
    effective_from TIMESTAMP NOT NULL,
    fingerprint STRING NOT NULL,
    extract_rows BIGINT NOT NULL,
    distinct_ids BIGINT NOT NULL,
    users BIGINT NOT NULL,
    new_users BIGINT NOT NULL,
    moved_users BIGINT NOT NULL,
    returned_users BIGINT NOT NULL,
    deleted_users BIGINT NOT NULL,
    quarantined_rows BIGINT NOT NULL,
    run_id BIGINT NOT NULL,
    replaced_by BIGINT,
    quarantine_purged_at TIMESTAMP
) USING iceberg;

-- Type 2 history of where each user was: half-open [valid_from, valid_to), valid_to NULL when open.
CREATE TABLE IF NOT EXISTS core.user_postcode_history (
    user_id BIGINT NOT NULL,
    postcode STRING,
    is_deleted BOOLEAN NOT NULL,
    is_first BOOLEAN NOT NULL,
    valid_from TIMESTAMP NOT NULL,
    valid_to TIMESTAMP,
    snapshot_id BIGINT NOT NULL
) USING iceberg;

-- Ledger of pageview batches, one active row per hour; batch_hour is NULL for a batch with no valid row.
CREATE TABLE IF NOT EXISTS core.pageview_batches (
    batch_id BIGINT NOT NULL,
    batch_hour TIMESTAMP,
    fingerprint STRING NOT NULL,
    extract_rows BIGINT NOT NULL,
    counted_rows BIGINT NOT NULL,
    quarantined_rows BIGINT NOT NULL,
    first_hour TIMESTAMP,
    last_hour TIMESTAMP,
    run_id BIGINT NOT NULL,
    replaced_by BIGINT,
    quarantine_purged_at TIMESTAMP
) USING iceberg;

-- The denormalised fact, partitioned by day of hour_start: a batch appends to a day or two, a replaced batch's rows
-- and a re-attribution's hours are found by pruning days, and BI scans of a period read only its days.
CREATE TABLE IF NOT EXISTS core.pageview_fact (
    batch_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    url STRING,
    pageview_at TIMESTAMP NOT NULL,
    hour_start TIMESTAMP NOT NULL,
    postcode_at_view STRING
) USING iceberg
PARTITIONED BY (days(hour_start));

CREATE TABLE IF NOT EXISTS core.quarantined_pageviews (
    run_id BIGINT NOT NULL,
    batch_id BIGINT NOT NULL,
    user_id BIGINT,
    url STRING,
    pageview_datetime TIMESTAMP,
    reason STRING NOT NULL
) USING iceberg;

CREATE TABLE IF NOT EXISTS core.quarantined_users (
    run_id BIGINT NOT NULL,
    snapshot_id BIGINT NOT NULL,
    id BIGINT,
    postcode STRING,
    reason STRING NOT NULL
) USING iceberg;

-- Marts: (hour_start, postcode) is unique with NULL as one value; the MERGE of marts/merge_delta keeps it so.
CREATE TABLE IF NOT EXISTS mart.pageviews_hourly_by_current_postcode (
    hour_start TIMESTAMP NOT NULL,
    postcode STRING,
    pageviews BIGINT NOT NULL
) USING iceberg;

CREATE TABLE IF NOT EXISTS mart.pageviews_hourly_by_postcode_at_view (
    hour_start TIMESTAMP NOT NULL,
    postcode STRING,
    pageviews BIGINT NOT NULL
) USING iceberg;
