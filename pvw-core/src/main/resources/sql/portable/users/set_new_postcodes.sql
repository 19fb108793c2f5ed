-- The current postcode after the snapshot: that of the open version, NULL for a user no longer known
-- (new_postcode starts NULL). One join rather than a subquery per affected user, which matters when a first
-- snapshot affects every user.
UPDATE pvw_affected_users AS a
SET new_postcode = h.postcode
FROM core.user_postcode_history AS h
WHERE h.user_id = a.user_id AND h.valid_to IS NULL
