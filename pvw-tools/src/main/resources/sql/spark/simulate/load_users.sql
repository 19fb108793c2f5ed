-- Lands the users extract the generator wrote as Parquet, which Spark reads as the view loaded_file.
INSERT INTO raw.users_extract
SELECT id, postcode
FROM loaded_file
