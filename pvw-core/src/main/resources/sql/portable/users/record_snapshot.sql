INSERT INTO core.users_snapshots (
    snapshot_id, effective_from, fingerprint, extract_rows, distinct_ids, users,
    new_users, moved_users, returned_users, deleted_users, quarantined_rows, run_id, replaced_by)
VALUES (
    :snapshot_id, CAST(:effective_from AS TIMESTAMP), :fingerprint, :extract_rows, :distinct_ids, :users,
    :new_users, :moved_users, :returned_users, :deleted_users, :quarantined_rows, :run_id, NULL)
