-- The hour most valid rows fall in; a tie goes to the later hour.
SELECT hour_start AS batch_hour
FROM pvw_pageview_rows
WHERE reject_reason IS NULL
GROUP BY hour_start
ORDER BY count(*) DESC, hour_start DESC
LIMIT 1
