-- Adds a run's changes of one mart, summed to its grain by marts/total_delta, to the mart (<start>: its time
-- column): counts go up or down, rows at zero go away. Every statement is bounded by the periods the changes cover,
-- so that the engine skips the rest of the mart (on DuckDB by its zone maps, the mart being appended period by
-- period) and a run costs the same however long the history.

UPDATE <mart> AS m
SET pageviews = m.pageviews + d.pageviews
FROM pvw_delta_total AS d
WHERE m.<start> = d.period_start
  AND m.postcode IS NOT DISTINCT FROM d.postcode
  AND m.<start> BETWEEN (SELECT min(period_start) FROM pvw_delta_total)
                    AND (SELECT max(period_start) FROM pvw_delta_total);

INSERT INTO <mart> (<start>, postcode, pageviews)
SELECT d.period_start, d.postcode, d.pageviews
FROM pvw_delta_total AS d
WHERE NOT EXISTS (
    SELECT 1 FROM <mart> AS m
    WHERE m.<start> = d.period_start
      AND m.postcode IS NOT DISTINCT FROM d.postcode
      AND m.<start> BETWEEN (SELECT min(period_start) FROM pvw_delta_total)
                        AND (SELECT max(period_start) FROM pvw_delta_total));

DELETE FROM <mart>
WHERE pageviews = 0
  AND <start> BETWEEN (SELECT min(period_start) FROM pvw_delta_total)
                  AND (SELECT max(period_start) FROM pvw_delta_total)
  AND <start> IN (SELECT period_start FROM pvw_delta_total);
