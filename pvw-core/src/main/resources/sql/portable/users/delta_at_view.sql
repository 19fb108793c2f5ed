-- Re-attributed pageviews as mart changes: minus at the postcode they were counted under, plus at the new one.
INSERT INTO pvw_delta_at_view (hour_start, postcode, pageviews)
SELECT c.hour_start,
       CASE WHEN s.sign < 0 THEN c.old_postcode ELSE c.new_postcode END,
       s.sign * sum(c.pageviews)
FROM pvw_reattributed AS c
CROSS JOIN (VALUES (-1), (1)) AS s (sign)
GROUP BY c.hour_start, CASE WHEN s.sign < 0 THEN c.old_postcode ELSE c.new_postcode END, s.sign
