-- Tests read back what a simulation landed.
SELECT id, postcode FROM raw.users_extract
