-- One mart's keys in the hours :from_hour to :to_hour: (hour_start, postcode) is unique, every count is positive
-- (a row exists only for an hour and postcode with pageviews), and no postcode is '' (normalisation makes it NULL).
SELECT hour_start, postcode, count(*) AS mart_rows, min(pageviews) AS min_pageviews
FROM <mart>
WHERE hour_start BETWEEN CAST(:from_hour AS TIMESTAMP) AND CAST(:to_hour AS TIMESTAMP)
GROUP BY hour_start, postcode
HAVING count(*) > 1 OR min(pageviews) <= 0 OR postcode = ''
ORDER BY hour_start, postcode NULLS FIRST
LIMIT :limit
