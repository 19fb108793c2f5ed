-- The history checks for the users in pvw_check_users, in one pass over their versions. Per user: no two versions
-- overlap and none ends before it starts (history_overlap); no hole between one version's end and the next one's
-- start (history_hole); exactly one version is open (history_open_version); exactly the earliest version is
-- marked first (history_first_version). At most :limit problems per check.
WITH versions AS (
    SELECT
        h.user_id,
        h.valid_from,
        h.valid_to,
        h.is_first,
        lead(h.valid_from) OVER (PARTITION BY h.user_id ORDER BY h.valid_from) AS next_valid_from,
        row_number() OVER (PARTITION BY h.user_id ORDER BY h.valid_from) AS position
    FROM core.user_postcode_history AS h
    WHERE h.user_id IN (SELECT user_id FROM pvw_check_users)
),
problems AS (
    SELECT 'history_overlap' AS check_name, user_id, valid_from, valid_to, next_valid_from, 0 AS versions
    FROM versions
    WHERE (next_valid_from IS NOT NULL AND (valid_to IS NULL OR valid_to > next_valid_from))
       OR valid_to <= valid_from
    UNION ALL
    SELECT 'history_hole', user_id, valid_from, valid_to, next_valid_from, 0
    FROM versions
    WHERE next_valid_from IS NOT NULL AND valid_to < next_valid_from
    UNION ALL
    SELECT 'history_open_version', user_id, min(valid_from), NULL, NULL, count(CASE WHEN valid_to IS NULL THEN 1 END)
    FROM versions
    GROUP BY user_id
    HAVING count(CASE WHEN valid_to IS NULL THEN 1 END) <> 1
    UNION ALL
    SELECT 'history_first_version', user_id, min(valid_from), NULL, NULL, count(CASE WHEN is_first THEN 1 END)
    FROM versions
    GROUP BY user_id
    HAVING count(CASE WHEN is_first THEN 1 END) <> 1
        OR count(CASE WHEN position = 1 AND is_first THEN 1 END) = 0
)
SELECT check_name, user_id, valid_from, valid_to, next_valid_from, versions
FROM (
    SELECT
        p.check_name, p.user_id, p.valid_from, p.valid_to, p.next_valid_from, p.versions,
        row_number() OVER (PARTITION BY p.check_name ORDER BY p.user_id, p.valid_from) AS problem_number
    FROM problems AS p
) AS numbered
WHERE problem_number <= :limit
ORDER BY check_name, user_id, valid_from
