-- The hours in which today's deleted and returning users view pages: until the hour of deletion, from the hour of
-- return. A returning user's new stay starts with tomorrow's extract.
UPDATE sim.users AS u
SET view_to_hour = CASE WHEN c.kind = 'deleted' THEN c.hour ELSE u.view_to_hour END,
    view_from_hour = CASE WHEN c.kind = 'returned' THEN c.hour ELSE u.view_from_hour END,
    live_since_day = CASE WHEN c.kind = 'returned' THEN CAST(:day AS INTEGER) + 1 ELSE u.live_since_day END
FROM sim.changes AS c
WHERE c.user_id = u.user_id
  AND c.kind IN ('deleted', 'returned')
