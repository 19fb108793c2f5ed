-- Today's new users join the users database, viewing pages from their hour of arrival; tomorrow's extract lists them.
INSERT INTO sim.users (user_id, district_rank, activity, live, view_from_hour, view_to_hour, live_since_day)
SELECT
    user_id,
    district_rank,
    sim_activity(sim_uniform(hash(CAST(:seed AS BIGINT), 'activity'), user_id),
                 sim_uniform(hash(CAST(:seed AS BIGINT), 'activity angle'), user_id)),
    false,
    hour,
    24,
    CAST(:day AS INTEGER) + 1
FROM sim.changes
WHERE kind = 'new'
