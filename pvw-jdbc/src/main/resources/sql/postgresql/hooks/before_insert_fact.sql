-- The fact is partitioned by day of hour_start; creates the partitions this batch's rows need, on demand.
-- Daily because at up to 100M pageviews a day a day is already a few GB: small enough to scan, vacuum or
-- detach on its own, and few enough (365 a year) for the planner to prune cheaply.
DO $$
DECLARE
    day_start TIMESTAMP;
BEGIN
    FOR day_start IN
        SELECT DISTINCT date_trunc('day', hour_start) FROM pvw_attributed_user_hours
    LOOP
        EXECUTE format(
            'CREATE TABLE IF NOT EXISTS core.%I PARTITION OF core.pageview_fact FOR VALUES FROM (%L) TO (%L)',
            'pageview_fact_' || to_char(day_start, 'YYYYMMDD'),
            day_start,
            day_start + INTERVAL '1 day');
    END LOOP;
END
$$
