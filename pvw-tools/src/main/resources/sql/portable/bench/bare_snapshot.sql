-- Bare minimum of a daily users step: one full outer join of the snapshot (postcodes normalised) with the users'
-- current postcodes, keeping the users that are new, gone or moved.
CREATE TEMPORARY TABLE bench_bare_changes AS
SELECT coalesce(s.id, h.user_id) AS user_id, s.postcode, h.postcode AS previous_postcode
FROM (
    SELECT id, NULLIF(UPPER(TRIM(postcode)), '') AS postcode FROM raw.users_extract
) AS s
FULL OUTER JOIN (
    SELECT user_id, postcode FROM core.user_postcode_history WHERE valid_to IS NULL
) AS h ON h.user_id = s.id
WHERE s.id IS NULL OR h.user_id IS NULL OR s.postcode IS DISTINCT FROM h.postcode;
DROP TABLE bench_bare_changes;
