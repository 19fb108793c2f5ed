-- A run's changes of one mart summed to the mart's grain (:unit, hour or day), the ones that add up to nothing left
-- out; marts/merge_delta adds them to the mart. date_trunc gives a timestamp with time zone on Spark, cast back.
SELECT CAST(date_trunc(CAST(:unit AS STRING), hour_start) AS TIMESTAMP) AS period_start, postcode,
       sum(pageviews) AS pageviews
FROM <delta>
GROUP BY 1, 2
HAVING sum(pageviews) <> 0
