-- The users a set of checks looks at, for a check outside a run (a run collects its own in run/create_delta_tables).
DROP TABLE IF EXISTS pvw_check_users;
CREATE TEMPORARY TABLE pvw_check_users (user_id BIGINT NOT NULL);
