-- Inside a run that replaced the same day's snapshot: the users whose versions it opened, closed, deleted or
-- reopened, and those whose pageviews it re-attributed (the replaced snapshot's users among them). A view, not a
-- copy: a first snapshot touches millions of users, and the checks read this only with IN, where a user listed twice
-- costs nothing. Without a replacement, the changed users (pvw_user_changes) are all of them.
SELECT user_id FROM pvw_user_changes
UNION ALL
SELECT user_id FROM pvw_affected_users
