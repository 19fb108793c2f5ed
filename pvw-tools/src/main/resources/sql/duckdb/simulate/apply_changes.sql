-- The next morning: yesterday's changes become the users database's state, and every live user views pages all
-- day again (a deleted user in no hour).
UPDATE sim.users AS u
SET district_rank = c.district_rank,
    live = c.kind <> 'deleted',
    view_from_hour = CASE WHEN c.kind = 'deleted' THEN 24 ELSE 0 END,
    view_to_hour = 24
FROM sim.changes AS c
WHERE c.user_id = u.user_id;

DELETE FROM sim.changes;
