-- Run once, when version 2 is first applied: the rollup of the pageviews already in the fact.
INSERT INTO core.pageview_user_hours (batch_id, user_id, hour_start, postcode_at_view, pageviews)
SELECT batch_id, user_id, hour_start, postcode_at_view, count(*)
FROM core.pageview_fact
GROUP BY batch_id, user_id, hour_start, postcode_at_view;
