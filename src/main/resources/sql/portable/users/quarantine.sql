INSERT INTO core.quarantined_users (run_id, snapshot_id, id, postcode, reason)
SELECT :run_id, :snapshot_id, r.id, r.raw_postcode,
       CASE WHEN r.id IS NULL THEN 'null_id' ELSE 'conflicting_postcodes' END
FROM pvw_user_rows AS r
LEFT JOIN pvw_user_ids AS i ON i.id = r.id
WHERE r.id IS NULL OR i.conflicting
