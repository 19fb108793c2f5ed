-- Quarantined rows that retention has deleted, as the ledgers recorded them.
SELECT
    (SELECT coalesce(sum(quarantined_rows), 0) FROM core.pageview_batches WHERE quarantine_purged_at IS NOT NULL)
    + (SELECT coalesce(sum(quarantined_rows), 0) FROM core.users_snapshots WHERE quarantine_purged_at IS NOT NULL)
    AS purged_rows
