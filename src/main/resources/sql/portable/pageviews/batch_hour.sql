-- The hour most valid rows fall in; a tie goes to the later hour.
SELECT date_trunc('hour', pageview_datetime) AS batch_hour
FROM pvw_pageview_rows
WHERE reject_reason IS NULL
GROUP BY date_trunc('hour', pageview_datetime)
ORDER BY count(*) DESC, date_trunc('hour', pageview_datetime) DESC
LIMIT 1
