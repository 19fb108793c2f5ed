SELECT
    (SELECT count(*) FROM core.pageview_fact) AS fact_rows,
    (SELECT count(*) FROM core.pageview_user_hours) AS rollup_rows,
    (SELECT count(*) FROM mart.pageviews_hourly_by_current_postcode) AS current_mart_rows,
    (SELECT count(*) FROM mart.pageviews_hourly_by_postcode_at_view) AS at_view_mart_rows,
    (SELECT count(*) FROM core.user_postcode_history) AS history_rows
