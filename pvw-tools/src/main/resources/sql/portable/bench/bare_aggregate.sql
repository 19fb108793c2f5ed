-- Bare minimum of an hourly step, 2 of 2: aggregate the batch once, by hour and the user's current postcode (one
-- join with the open versions: a per-postcode answer cannot do without one). No fingerprint, validation,
-- quarantine, ledger, postcode at view, rollup or merge.
INSERT INTO bench.bare_hourly (hour_start, postcode, pageviews)
SELECT date_trunc('hour', p.pageview_datetime), c.postcode, count(*)
FROM raw.pageviews_extract AS p
LEFT JOIN core.user_postcode_history AS c
  ON c.user_id = p.user_id AND c.valid_to IS NULL
GROUP BY 1, 2
