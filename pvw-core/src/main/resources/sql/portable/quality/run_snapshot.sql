SELECT snapshot_id, effective_from FROM core.users_snapshots WHERE run_id = :run_id
