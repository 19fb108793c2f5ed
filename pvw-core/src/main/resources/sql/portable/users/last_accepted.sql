SELECT snapshot_id, effective_from, fingerprint, distinct_ids, users
FROM core.users_snapshots
WHERE replaced_by IS NULL
ORDER BY snapshot_id DESC
LIMIT 1
