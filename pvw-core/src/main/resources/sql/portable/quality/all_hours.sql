-- Every hour the fact or a mart holds, as the range a full check reads.
SELECT min(from_hour) AS from_hour, max(to_hour) AS to_hour
FROM (
    SELECT min(hour_start) AS from_hour, max(hour_start) AS to_hour FROM core.pageview_fact
    UNION ALL
    SELECT min(hour_start), max(hour_start) FROM mart.pageviews_hourly_by_current_postcode
    UNION ALL
    SELECT min(hour_start), max(hour_start) FROM mart.pageviews_hourly_by_postcode_at_view
) AS bounds
