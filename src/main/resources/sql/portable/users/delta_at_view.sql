-- Pageviews of affected users whose postcode at view the new history changes, as mart changes:
-- minus at the postcode the fact holds, plus at the one the history now gives.
INSERT INTO pvw_delta_at_view (hour_start, postcode, pageviews)
SELECT c.hour_start,
       CASE WHEN s.sign < 0 THEN c.old_postcode ELSE c.new_postcode END,
       s.sign * c.pageviews
FROM (
    SELECT f.hour_start, f.postcode_at_view AS old_postcode, v.postcode AS new_postcode, count(*) AS pageviews
    FROM core.pageview_fact AS f
    JOIN pvw_affected_users AS a
      ON a.user_id = f.user_id AND (a.affected_from IS NULL OR f.pageview_at >= a.affected_from)
    LEFT JOIN core.user_postcode_history AS v
      ON v.user_id = f.user_id
     AND (v.valid_from <= f.pageview_at OR v.is_first)
     AND (v.valid_to IS NULL OR f.pageview_at < v.valid_to)
    WHERE f.postcode_at_view IS DISTINCT FROM v.postcode
    GROUP BY f.hour_start, f.postcode_at_view, v.postcode
) AS c
CROSS JOIN (VALUES (-1), (1)) AS s (sign)
