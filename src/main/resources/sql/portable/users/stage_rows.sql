-- The extract as read once in this transaction, with postcodes normalised:
-- trimmed of blanks, upper-cased, and NULL when empty.
CREATE TEMPORARY TABLE pvw_user_rows AS
SELECT
    id,
    postcode AS raw_postcode,
    NULLIF(UPPER(TRIM(BOTH ' ' || chr(9) || chr(10) || chr(13) FROM postcode)), '') AS postcode
FROM raw.users_extract
