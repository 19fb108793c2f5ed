SELECT
    (SELECT count(*) FROM pvw_user_ids) AS distinct_ids,
    (SELECT count(*) FROM pvw_user_rows AS r JOIN pvw_user_ids AS i ON i.id = r.id WHERE NOT i.conflicting) AS valid_rows
