-- New users arrive at a rate per user there this morning, so that their number follows the population's size, each
-- at an hour of the day and with the next free id. Their district is a function of the id, as for the first users.
INSERT INTO sim.changes (user_id, kind, district_rank, hour)
SELECT
    plan.first_id + arrival.n,
    'new',
    sim_district(sim_uniform(hash(CAST(:seed AS BIGINT), 'district'), plan.first_id + arrival.n),
                 CAST(:districts AS INTEGER)),
    CAST(floor(24 * sim_uniform(hash(CAST(:seed AS BIGINT), 'arrival hour'), plan.first_id + arrival.n)) AS INTEGER)
FROM (
    SELECT (SELECT max(user_id) + 1 FROM sim.users) AS first_id, count(*) AS arrivals
    FROM sim.users
    WHERE live
      AND sim_uniform(hash(CAST(:seed AS BIGINT), 'brings a new user', CAST(:day AS INTEGER)), user_id)
          < CAST(:new_user_rate AS DOUBLE)
) AS plan,
range(plan.arrivals) AS arrival (n)
