-- What retention would change: the rows of the four purge statements, each counted with that statement's condition.
-- Zero (every hour until the warehouse is older than the retention period, and most hours after) skips them all:
-- on Spark each costs a job and a commit even when it matches nothing.
SELECT
    (SELECT count(*) FROM core.pageview_batches
     WHERE quarantine_purged_at IS NULL
       AND quarantined_rows > 0
       AND run_id IN (SELECT run_id FROM core.runs WHERE started_at < CAST(:cutoff AS TIMESTAMP)))
    + (SELECT count(*) FROM core.users_snapshots
       WHERE quarantine_purged_at IS NULL
         AND quarantined_rows > 0
         AND run_id IN (SELECT run_id FROM core.runs WHERE started_at < CAST(:cutoff AS TIMESTAMP)))
    + (SELECT count(*) FROM core.quarantined_pageviews
       WHERE run_id IN (SELECT run_id FROM core.runs WHERE started_at < CAST(:cutoff AS TIMESTAMP)))
    + (SELECT count(*) FROM core.quarantined_users
       WHERE run_id IN (SELECT run_id FROM core.runs WHERE started_at < CAST(:cutoff AS TIMESTAMP)))
    AS pending
