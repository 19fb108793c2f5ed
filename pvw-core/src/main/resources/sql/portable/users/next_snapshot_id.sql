SELECT coalesce(max(snapshot_id), 0) + 1 FROM core.users_snapshots
