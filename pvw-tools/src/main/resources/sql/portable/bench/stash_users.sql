-- Sets the users extract aside as day :day.
INSERT INTO bench.stash_users (day, id, postcode)
SELECT :day, id, postcode
FROM raw.users_extract
