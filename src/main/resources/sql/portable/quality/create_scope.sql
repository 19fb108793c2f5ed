-- The users a set of checks looks at, for a check outside a run (a run's checks read its own work tables).
DROP TABLE IF EXISTS pvw_check_users;
CREATE TEMPORARY TABLE pvw_check_users (user_id BIGINT NOT NULL);
