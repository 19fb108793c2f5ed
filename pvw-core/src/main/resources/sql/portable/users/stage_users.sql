-- The users of the new snapshot. A conflicting id keeps the postcode of the previous accepted
-- snapshot, and stays absent if it was absent there.
SELECT id AS user_id, postcode
FROM pvw_user_ids
WHERE NOT conflicting
UNION ALL
SELECT h.user_id, h.postcode
FROM pvw_user_ids AS i
JOIN core.user_postcode_history AS h
  ON h.user_id = i.id AND h.valid_to IS NULL AND NOT h.is_deleted
WHERE i.conflicting
