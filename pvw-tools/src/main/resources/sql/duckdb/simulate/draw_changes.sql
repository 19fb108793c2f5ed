-- What happens today to the users who were there this morning, each decided by the user's own draws: a live user
-- is deleted or moves to another district at the given rates; a deleted user comes back at the return rate, half
-- where it was and half somewhere new. Each change happens at an hour of the day. New users: new_user_changes.
INSERT INTO sim.changes (user_id, kind, district_rank, hour)
SELECT
    user_id,
    CASE WHEN fate < CAST(:delete_rate AS DOUBLE) THEN 'deleted' ELSE 'moved' END,
    CASE
        WHEN fate < CAST(:delete_rate AS DOUBLE) THEN district_rank
        ELSE sim_other_district(
            district_rank,
            sim_uniform(hash(CAST(:seed AS BIGINT), 'moves to', CAST(:day AS INTEGER)), user_id),
            CAST(:districts AS INTEGER))
    END,
    CAST(floor(24 * sim_uniform(hash(CAST(:seed AS BIGINT), 'change hour', CAST(:day AS INTEGER)), user_id))
         AS INTEGER)
FROM (
    SELECT user_id, district_rank,
           sim_uniform(hash(CAST(:seed AS BIGINT), 'fate', CAST(:day AS INTEGER)), user_id) AS fate
    FROM sim.users
    WHERE live
) AS live_users
WHERE fate < CAST(:delete_rate AS DOUBLE) + CAST(:move_rate AS DOUBLE)
UNION ALL
SELECT
    user_id,
    'returned',
    CASE
        WHEN sim_uniform(hash(CAST(:seed AS BIGINT), 'returns home', CAST(:day AS INTEGER)), user_id) < 0.5
        THEN district_rank
        ELSE sim_district(
            sim_uniform(hash(CAST(:seed AS BIGINT), 'returns to', CAST(:day AS INTEGER)), user_id),
            CAST(:districts AS INTEGER))
    END,
    CAST(floor(24 * sim_uniform(hash(CAST(:seed AS BIGINT), 'change hour', CAST(:day AS INTEGER)), user_id))
         AS INTEGER)
FROM sim.users
WHERE NOT live
  AND sim_uniform(hash(CAST(:seed AS BIGINT), 'returns', CAST(:day AS INTEGER)), user_id)
      < CAST(:return_rate AS DOUBLE)
