-- One mart's rows as periods, when the grain asked for is the mart's own (hours from the hourly mart, days from the
-- daily one): each row is already one period and postcode, so nothing is summed, and an answer of millions of rows
-- costs a scan and a sort. Optionally for a window and a postcode; <start> is the mart's time column.
-- Postcodes sort byte-wise (COLLATE "C"), as on DuckDB, whatever the database's collation.
SELECT <start> AS period_start, postcode, pageviews
FROM <mart>
WHERE (CAST(:from_hour AS TIMESTAMP) IS NULL OR <start> >= CAST(:from_hour AS TIMESTAMP))
  AND (CAST(:to_hour AS TIMESTAMP) IS NULL OR <start> < CAST(:to_hour AS TIMESTAMP))
  AND (CAST(:postcode AS VARCHAR) IS NULL OR postcode = CAST(:postcode AS VARCHAR))
ORDER BY period_start, postcode COLLATE "C" NULLS FIRST
