-- The current postcode after the snapshot: that of the open version, NULL for a user no longer known.
UPDATE pvw_affected_users
SET new_postcode = (
    SELECT h.postcode
    FROM core.user_postcode_history AS h
    WHERE h.user_id = pvw_affected_users.user_id AND h.valid_to IS NULL)
