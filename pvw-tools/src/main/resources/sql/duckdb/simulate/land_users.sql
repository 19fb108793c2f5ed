-- The users extract of a morning, loaded after clear_users_extract in one transaction: every live user with the
-- postcode of its district, some written carelessly (which the pipeline must read as the district itself), plus the
-- bad rows of a real extract: an id lost upstream (NULL), a user listed twice in two spellings of one postcode and,
-- from the second morning on, a user of the previous extract listed with two different postcodes.
INSERT INTO raw.users_extract (id, postcode)
SELECT
    u.user_id,
    CASE
        WHEN sim_uniform(hash(CAST(:seed AS BIGINT), 'careless', CAST(:day AS INTEGER)), u.user_id)
             < CAST(:messy_rate AS DOUBLE)
        THEN sim_messy(d.district, sim_uniform(hash(CAST(:seed AS BIGINT), 'spelling', CAST(:day AS INTEGER)), u.user_id))
        ELSE d.district
    END
FROM sim.users AS u
JOIN sim.districts AS d ON d.district_rank = u.district_rank
WHERE u.live
UNION ALL
SELECT NULL, d.district
FROM sim.districts AS d
WHERE d.district_rank = sim_district(
    sim_uniform(hash(CAST(:seed AS BIGINT), 'lost id', CAST(:day AS INTEGER)), 0), CAST(:districts AS INTEGER))
UNION ALL
SELECT twice.user_id,
       sim_messy(d.district, sim_uniform(hash(CAST(:seed AS BIGINT), 'second spelling', CAST(:day AS INTEGER)), 0))
FROM (
    SELECT user_id, district_rank
    FROM sim.users
    WHERE live
    ORDER BY sim_uniform(hash(CAST(:seed AS BIGINT), 'listed twice', CAST(:day AS INTEGER)), user_id)
    LIMIT 1
) AS twice
JOIN sim.districts AS d ON d.district_rank = twice.district_rank
UNION ALL
SELECT conflicting.user_id, d.district
FROM (
    SELECT user_id, district_rank
    FROM sim.users
    WHERE live AND live_since_day < CAST(:day AS INTEGER)
    ORDER BY sim_uniform(hash(CAST(:seed AS BIGINT), 'conflicting', CAST(:day AS INTEGER)), user_id)
    LIMIT 1
) AS conflicting
JOIN sim.districts AS d
  ON d.district_rank = sim_other_district(
      conflicting.district_rank,
      sim_uniform(hash(CAST(:seed AS BIGINT), 'conflicting district', CAST(:day AS INTEGER)), 0),
      CAST(:districts AS INTEGER))
