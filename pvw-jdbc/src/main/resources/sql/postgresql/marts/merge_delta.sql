-- Adds a run's changes of one mart, summed to its grain by marts/total_delta, to the mart (<start>: its time
-- column): counts go up or down, rows at zero go away.
-- One upsert on the mart's unique key (<start>, coalesce(postcode, '')): postcodes are normalised, so no
-- real postcode is '', and the key stands in for NULLS NOT DISTINCT, which PostgreSQL 14 lacks.
-- Row-level writes only: BI readers keep reading the previous counts until the run commits.
INSERT INTO <mart> AS m (<start>, postcode, pageviews)
SELECT period_start, postcode, pageviews
FROM pvw_delta_total
ON CONFLICT (<start>, (coalesce(postcode, '')))
DO UPDATE SET pageviews = m.pageviews + excluded.pageviews;

DELETE FROM <mart> AS m
USING pvw_delta_total AS d
WHERE m.pageviews = 0
  AND m.<start> = d.period_start
  AND coalesce(m.postcode, '') = coalesce(d.postcode, '');
