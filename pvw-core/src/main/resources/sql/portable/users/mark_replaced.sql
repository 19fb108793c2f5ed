UPDATE core.users_snapshots SET replaced_by = :snapshot_id WHERE snapshot_id = :replaced_id
