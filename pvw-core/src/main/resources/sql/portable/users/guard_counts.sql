-- What the guards look at, and every row of the extract as read: the rows that are not valid are quarantined.
SELECT
    count(*) AS distinct_ids,
    coalesce(sum(CASE WHEN conflicting THEN 0 ELSE listed END), 0) AS valid_rows,
    (SELECT count(*) FROM pvw_user_rows) AS extract_rows
FROM pvw_user_ids
