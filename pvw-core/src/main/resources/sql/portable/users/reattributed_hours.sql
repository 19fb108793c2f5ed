-- The hours the re-attribution touches, so that the updates of the rollup and the fact read only those hours.
SELECT min(hour_start) AS first_hour, max(hour_start) AS last_hour
FROM pvw_reattributed
