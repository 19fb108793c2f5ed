-- A database of the benchmark's own on the server of --server, for one of its warehouses.
CREATE DATABASE <database>
