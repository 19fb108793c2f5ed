-- pvw_check_users: the users a set of checks looks at, for a check outside a run (a run's checks read its own work
-- tables).
user_id BIGINT NOT NULL
