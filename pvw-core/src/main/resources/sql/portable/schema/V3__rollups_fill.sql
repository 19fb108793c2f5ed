-- Run once, when version 2 is first applied: the rollups of what the warehouse already holds.
INSERT INTO core.pageview_user_hours (batch_id, user_id, hour_start, postcode_at_view, pageviews)
SELECT batch_id, user_id, hour_start, postcode_at_view, count(*)
FROM core.pageview_fact
GROUP BY batch_id, user_id, hour_start, postcode_at_view;

INSERT INTO mart.pageviews_daily_by_current_postcode (day_start, postcode, pageviews)
SELECT date_trunc('day', hour_start), postcode, sum(pageviews)
FROM mart.pageviews_hourly_by_current_postcode
GROUP BY date_trunc('day', hour_start), postcode;

INSERT INTO mart.pageviews_daily_by_postcode_at_view (day_start, postcode, pageviews)
SELECT date_trunc('day', hour_start), postcode, sum(pageviews)
FROM mart.pageviews_hourly_by_postcode_at_view
GROUP BY date_trunc('day', hour_start), postcode;
