-- Adds a run's collected changes to one mart: counts go up or down, rows at zero go away.
-- One upsert on the mart's unique key (hour_start, coalesce(postcode, '')): postcodes are normalised, so no
-- real postcode is '', and the key stands in for NULLS NOT DISTINCT, which PostgreSQL 14 lacks.
-- Row-level writes only: BI readers keep reading the previous counts until the run commits.
INSERT INTO <mart> AS m (hour_start, postcode, pageviews)
SELECT hour_start, postcode, sum(pageviews)
FROM <delta>
GROUP BY hour_start, postcode
HAVING sum(pageviews) <> 0
ON CONFLICT (hour_start, (coalesce(postcode, '')))
DO UPDATE SET pageviews = m.pageviews + excluded.pageviews;

DELETE FROM <mart> AS m
USING (SELECT DISTINCT hour_start, postcode FROM <delta>) AS d
WHERE m.pageviews = 0
  AND m.hour_start = d.hour_start
  AND coalesce(m.postcode, '') = coalesce(d.postcode, '');
