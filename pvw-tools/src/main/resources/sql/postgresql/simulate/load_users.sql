-- Lands the users extract the generator wrote as CSV, streamed from pvw to the server.
COPY raw.users_extract (id, postcode) FROM STDIN (FORMAT csv)
