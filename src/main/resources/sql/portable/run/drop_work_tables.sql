-- Session-local work tables of a run; dropped before and after each run (the view first: it reads two of them).
DROP VIEW IF EXISTS pvw_run_users;
DROP TABLE IF EXISTS pvw_user_rows;
DROP TABLE IF EXISTS pvw_user_ids;
DROP TABLE IF EXISTS pvw_snapshot_users;
DROP TABLE IF EXISTS pvw_user_changes;
DROP TABLE IF EXISTS pvw_affected_users;
DROP TABLE IF EXISTS pvw_affected_user_hours;
DROP TABLE IF EXISTS pvw_reattributed;
DROP TABLE IF EXISTS pvw_pageview_rows;
DROP TABLE IF EXISTS pvw_batch_user_hours;
DROP TABLE IF EXISTS pvw_attributed_user_hours;
DROP TABLE IF EXISTS pvw_delta_current;
DROP TABLE IF EXISTS pvw_delta_at_view;
DROP TABLE IF EXISTS pvw_delta_total;
DROP TABLE IF EXISTS pvw_check_fact;
