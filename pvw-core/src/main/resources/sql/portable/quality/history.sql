-- The history checks for the users listed in <users> (a work table or view of user ids, duplicates allowed). Per user: no two versions overlap and none ends before it
-- starts (history_overlap); no hole between one version's end and the next one's start (history_hole); exactly one
-- version is open (history_open_version); exactly the earliest version is marked first (history_first_version).
-- Counting per user needs no order; only users with several versions are read again and put in order, to compare
-- each version with the next. A first snapshot touches every user but gives each a single version, so it never sorts. At most :limit
-- problems per check, and a last row 'users' with how many users were checked.
WITH per_user AS MATERIALIZED (
    SELECT
        user_id,
        count(*) AS versions,
        count(CASE WHEN valid_to IS NULL THEN 1 END) AS open_versions,
        count(CASE WHEN is_first THEN 1 END) AS first_versions,
        min(valid_from) AS first_from,
        max(valid_to) AS last_to
    FROM core.user_postcode_history
    WHERE user_id IN (SELECT user_id FROM <users>)
    GROUP BY user_id
),
chained AS MATERIALIZED (
    SELECT
        h.user_id,
        h.valid_from,
        h.valid_to,
        h.is_first,
        lead(h.valid_from) OVER (PARTITION BY h.user_id ORDER BY h.valid_from) AS next_valid_from,
        row_number() OVER (PARTITION BY h.user_id ORDER BY h.valid_from) AS position
    FROM core.user_postcode_history AS h
    WHERE h.user_id IN (SELECT user_id FROM per_user WHERE versions > 1)
),
problems AS (
    SELECT 'history_overlap' AS check_name, user_id, valid_from, valid_to, next_valid_from, 0 AS versions
    FROM chained
    WHERE (next_valid_from IS NOT NULL AND (valid_to IS NULL OR valid_to > next_valid_from))
       OR valid_to <= valid_from
    UNION ALL
    SELECT 'history_overlap', user_id, first_from, last_to, NULL, 0
    FROM per_user
    WHERE versions = 1 AND last_to <= first_from
    UNION ALL
    SELECT 'history_hole', user_id, valid_from, valid_to, next_valid_from, 0
    FROM chained
    WHERE next_valid_from IS NOT NULL AND valid_to < next_valid_from
    UNION ALL
    SELECT 'history_open_version', user_id, first_from, NULL, NULL, open_versions
    FROM per_user
    WHERE open_versions <> 1
    UNION ALL
    SELECT 'history_first_version', user_id, first_from, NULL, NULL, first_versions
    FROM per_user
    WHERE first_versions <> 1
    UNION ALL
    SELECT 'history_first_version', user_id, valid_from, NULL, NULL, 1
    FROM chained
    WHERE position = 1 AND NOT is_first
      AND user_id IN (SELECT user_id FROM per_user WHERE first_versions = 1)
)
SELECT check_name, user_id, valid_from, valid_to, next_valid_from, versions
FROM (
    SELECT
        p.check_name, p.user_id, p.valid_from, p.valid_to, p.next_valid_from, p.versions,
        row_number() OVER (PARTITION BY p.check_name ORDER BY p.user_id, p.valid_from) AS problem_number
    FROM problems AS p
) AS numbered
WHERE problem_number <= :limit
UNION ALL
SELECT 'users', NULL, NULL, NULL, NULL, count(*)
FROM per_user
ORDER BY check_name, user_id, valid_from
