-- The bytes the warehouse's database takes on the server's disk.
SELECT pg_database_size(current_database())
