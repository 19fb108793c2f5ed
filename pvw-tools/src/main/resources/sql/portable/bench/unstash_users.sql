-- Lands day :day of the stash in the (emptied) users extract, as the extract process would.
INSERT INTO raw.users_extract (id, postcode)
SELECT id, postcode
FROM bench.stash_users
WHERE day = :day
