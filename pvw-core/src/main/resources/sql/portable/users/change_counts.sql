SELECT
    (SELECT count(*) FROM pvw_snapshot_users) AS users,
    count(CASE WHEN change = 'new' THEN 1 END) AS new_users,
    count(CASE WHEN change = 'moved' THEN 1 END) AS moved_users,
    count(CASE WHEN change = 'returned' THEN 1 END) AS returned_users,
    count(CASE WHEN change = 'deleted' THEN 1 END) AS deleted_users
FROM pvw_user_changes
