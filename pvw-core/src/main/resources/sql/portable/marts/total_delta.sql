-- A run's changes of one mart summed to the mart's grain (:unit, hour or day), the ones that add up to nothing left
-- out; marts/merge_delta adds them to the mart.
SELECT date_trunc(CAST(:unit AS VARCHAR), hour_start) AS period_start, postcode, sum(pageviews) AS pageviews
FROM <delta>
GROUP BY 1, 2
HAVING sum(pageviews) <> 0
