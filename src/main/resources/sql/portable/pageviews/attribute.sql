-- Each valid pageview with its hour, the postcode of the user's version valid at the view
-- (the first version's for a view before it) and the user's current postcode.
CREATE TEMPORARY TABLE pvw_attributed_pageviews AS
SELECT
    p.user_id,
    p.url,
    p.pageview_datetime AS pageview_at,
    date_trunc('hour', p.pageview_datetime) AS hour_start,
    v.postcode AS postcode_at_view,
    c.postcode AS current_postcode
FROM pvw_pageview_rows AS p
LEFT JOIN core.user_postcode_history AS v
  ON v.user_id = p.user_id
 AND (v.valid_from <= p.pageview_datetime OR v.is_first)
 AND (v.valid_to IS NULL OR p.pageview_datetime < v.valid_to)
LEFT JOIN core.user_postcode_history AS c
  ON c.user_id = p.user_id AND c.valid_to IS NULL
WHERE p.reject_reason IS NULL
