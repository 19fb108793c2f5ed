SELECT
    count(*) AS distinct_ids,
    coalesce(sum(CASE WHEN conflicting THEN 0 ELSE listed END), 0) AS valid_rows
FROM pvw_user_ids
