INSERT INTO core.quarantined_users (run_id, snapshot_id, id, postcode, reason)
SELECT :run_id, :snapshot_id, id, raw_postcode,
       CASE WHEN id IS NULL THEN 'null_id' ELSE 'conflicting_postcodes' END
FROM pvw_user_rows
WHERE id IS NULL
   OR id IN (SELECT id FROM pvw_user_ids WHERE conflicting)
