-- Reconciles the users snapshots of the ledger with the quarantine: per snapshot, the quarantine holds the rows the
-- ledger says it quarantined (none once retention purged them), and no quarantined row belongs to a snapshot the
-- ledger does not know. The snapshots of run :run_id, or every snapshot when :run_id is NULL.
WITH snapshots AS (
    SELECT
        snapshot_id,
        quarantined_rows,
        CASE WHEN quarantine_purged_at IS NULL THEN quarantined_rows ELSE 0 END AS expected_quarantine_rows
    FROM core.users_snapshots
    WHERE CAST(:run_id AS BIGINT) IS NULL OR run_id = CAST(:run_id AS BIGINT)
),
quarantine AS (
    SELECT snapshot_id, count(*) AS quarantine_rows
    FROM core.quarantined_users
    GROUP BY snapshot_id
),
problems AS (
    SELECT
        s.snapshot_id,
        TRUE AS in_ledger,
        s.quarantined_rows,
        s.expected_quarantine_rows,
        coalesce(q.quarantine_rows, 0) AS quarantine_rows
    FROM snapshots AS s
    LEFT JOIN quarantine AS q ON q.snapshot_id = s.snapshot_id
    WHERE coalesce(q.quarantine_rows, 0) <> s.expected_quarantine_rows
    UNION ALL
    SELECT q.snapshot_id, FALSE, 0, 0, q.quarantine_rows
    FROM quarantine AS q
    WHERE CAST(:run_id AS BIGINT) IS NULL
      AND q.snapshot_id NOT IN (SELECT snapshot_id FROM core.users_snapshots)
)
SELECT snapshot_id, in_ledger, quarantined_rows, expected_quarantine_rows, quarantine_rows
FROM problems
ORDER BY snapshot_id
LIMIT :limit
