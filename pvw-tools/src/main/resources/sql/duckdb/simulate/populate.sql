-- The users of the first morning, with ids that look like an operational database's rather than row numbers.
INSERT INTO sim.users (user_id, district_rank, activity, live, view_from_hour, view_to_hour, live_since_day)
SELECT
    user_id,
    sim_district(sim_uniform(hash(CAST(:seed AS BIGINT), 'district'), user_id), CAST(:districts AS INTEGER)),
    sim_activity(sim_uniform(hash(CAST(:seed AS BIGINT), 'activity'), user_id),
                 sim_uniform(hash(CAST(:seed AS BIGINT), 'activity angle'), user_id)),
    true,
    0,
    24,
    0
FROM (SELECT CAST(:first_id AS BIGINT) + i AS user_id FROM range(CAST(:users AS BIGINT)) AS t (i))
