-- One mart summed into periods of a grain (weeks start on Monday), optionally for a window and a postcode.
-- <mart> is the hourly mart (<start> hour_start), or the daily one (<start> day_start) when the grain is a day or
-- coarser and the window's bounds fall on days.
SELECT date_trunc(:grain, <start>) AS period_start, postcode, sum(pageviews) AS pageviews
FROM <mart>
WHERE (CAST(:from_hour AS TIMESTAMP) IS NULL OR <start> >= CAST(:from_hour AS TIMESTAMP))
  AND (CAST(:to_hour AS TIMESTAMP) IS NULL OR <start> < CAST(:to_hour AS TIMESTAMP))
  AND (CAST(:postcode AS VARCHAR) IS NULL OR postcode = CAST(:postcode AS VARCHAR))
GROUP BY 1, 2
ORDER BY period_start, postcode NULLS FIRST
