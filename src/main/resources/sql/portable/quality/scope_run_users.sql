-- Inside a run, once its snapshot is applied: the users whose versions it opened, closed, deleted or reopened, and
-- those whose pageviews it re-attributed.
INSERT INTO pvw_check_users (user_id)
SELECT user_id FROM pvw_user_changes
UNION
SELECT user_id FROM pvw_affected_users
