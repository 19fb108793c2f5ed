SELECT snapshot_id, effective_from, users, new_users, moved_users, returned_users, deleted_users, quarantined_rows
FROM core.users_snapshots
WHERE replaced_by IS NULL
ORDER BY snapshot_id DESC
LIMIT 1
