-- Bare minimum of a daily users step on Spark: the same full outer join as the portable script, its result computed
-- and kept in memory (CACHE TABLE is eager), then let go; Spark has no temporary tables.
CACHE TABLE bench_bare_changes AS
SELECT coalesce(s.id, h.user_id) AS user_id, s.postcode, h.postcode AS previous_postcode
FROM (
    SELECT id, NULLIF(UPPER(TRIM(postcode)), '') AS postcode FROM raw.users_extract
) AS s
FULL OUTER JOIN (
    SELECT user_id, postcode FROM core.user_postcode_history WHERE valid_to IS NULL
) AS h ON h.user_id = s.id
WHERE s.id IS NULL OR h.user_id IS NULL OR NOT (s.postcode <=> h.postcode);
UNCACHE TABLE bench_bare_changes;
DROP VIEW IF EXISTS bench_bare_changes;
