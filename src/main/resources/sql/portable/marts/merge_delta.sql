-- Adds a run's collected changes to one mart: counts go up or down, rows at zero go away.
CREATE TEMPORARY TABLE pvw_delta_total AS
SELECT hour_start, postcode, sum(pageviews) AS pageviews
FROM <delta>
GROUP BY hour_start, postcode
HAVING sum(pageviews) <> 0;

UPDATE <mart> AS m
SET pageviews = m.pageviews + d.pageviews
FROM pvw_delta_total AS d
WHERE m.hour_start = d.hour_start
  AND m.postcode IS NOT DISTINCT FROM d.postcode;

INSERT INTO <mart> (hour_start, postcode, pageviews)
SELECT d.hour_start, d.postcode, d.pageviews
FROM pvw_delta_total AS d
WHERE NOT EXISTS (
    SELECT 1 FROM <mart> AS m
    WHERE m.hour_start = d.hour_start
      AND m.postcode IS NOT DISTINCT FROM d.postcode);

DELETE FROM <mart>
WHERE pageviews = 0
  AND hour_start IN (SELECT hour_start FROM pvw_delta_total);

DROP TABLE pvw_delta_total;
