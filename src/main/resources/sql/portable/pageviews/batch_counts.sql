SELECT
    (SELECT count(*) FROM pvw_attributed_pageviews) AS counted_rows,
    (SELECT count(*) FROM pvw_pageview_rows WHERE reject_reason IS NOT NULL) AS quarantined_rows,
    (SELECT min(hour_start) FROM pvw_attributed_pageviews) AS first_hour,
    (SELECT max(hour_start) FROM pvw_attributed_pageviews) AS last_hour
