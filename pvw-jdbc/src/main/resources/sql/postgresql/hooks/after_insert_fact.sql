-- Statistics for the day partitions this batch just filled: autovacuum would gather them within a minute, but the
-- run's own checks read these rows before it commits, and without statistics the planner takes a new partition for
-- empty and joins millions of rows by index probes.
DO $$
DECLARE
    day_start TIMESTAMP;
BEGIN
    FOR day_start IN
        SELECT DISTINCT date_trunc('day', hour_start) FROM pvw_attributed_user_hours
    LOOP
        EXECUTE format('ANALYZE core.%I', 'pageview_fact_' || to_char(day_start, 'YYYYMMDD'));
    END LOOP;
END
$$
