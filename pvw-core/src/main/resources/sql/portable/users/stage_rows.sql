-- The extract as read once in this transaction, with postcodes normalised: trimmed of blanks (space, tab, line feed,
-- carriage return), upper-cased, and NULL when empty. Upper-casing maps a-z to A-Z and leaves every other character
-- as it is: upper() would follow a PostgreSQL server's locale (and change nothing under the C locale), so one extract
-- could give different postcodes on different servers. Control characters inside a postcode are kept.
SELECT
    id,
    postcode AS raw_postcode,
    NULLIF(
        translate(
            TRIM(BOTH ' ' || chr(9) || chr(10) || chr(13) FROM postcode),
            'abcdefghijklmnopqrstuvwxyz',
            'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
        '') AS postcode
FROM raw.users_extract
