SELECT
    (SELECT coalesce(sum(pageviews), 0) FROM pvw_attributed_user_hours) AS counted_rows,
    (SELECT count(*) FROM pvw_pageview_rows WHERE reject_reason IS NOT NULL) AS quarantined_rows,
    (SELECT min(hour_start) FROM pvw_attributed_user_hours) AS first_hour,
    (SELECT max(hour_start) FROM pvw_attributed_user_hours) AS last_hour
