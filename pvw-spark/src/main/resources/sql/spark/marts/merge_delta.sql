-- Adds a run's changes of one mart, summed to its grain by marts/total_delta, to the mart (<start>: its time
-- column): counts go up or down, rows at zero go away. One MERGE, one commit of the mart, in place of the portable
-- UPDATE ... FROM, INSERT and DELETE; <=> matches NULL postcodes as one value.
MERGE INTO <mart> AS m
USING pvw_delta_total AS d
ON m.<start> = d.period_start AND m.postcode <=> d.postcode
WHEN MATCHED AND m.pageviews + d.pageviews = 0 THEN DELETE
WHEN MATCHED THEN UPDATE SET pageviews = m.pageviews + d.pageviews
WHEN NOT MATCHED THEN INSERT (<start>, postcode, pageviews) VALUES (d.period_start, d.postcode, d.pageviews)
