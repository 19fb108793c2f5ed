-- Re-attributes the affected users' pageviews from the new history (NULL for a user no longer known).
UPDATE core.pageview_fact AS f
SET postcode_at_view = (
    SELECT v.postcode
    FROM core.user_postcode_history AS v
    WHERE v.user_id = f.user_id
      AND (v.valid_from <= f.pageview_at OR v.is_first)
      AND (v.valid_to IS NULL OR f.pageview_at < v.valid_to))
WHERE EXISTS (
    SELECT 1 FROM pvw_affected_users AS a
    WHERE a.user_id = f.user_id AND (a.affected_from IS NULL OR f.pageview_at >= a.affected_from))
