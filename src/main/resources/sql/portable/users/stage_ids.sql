-- One row per id; an id whose rows disagree on the normalised postcode is conflicting.
CREATE TEMPORARY TABLE pvw_user_ids AS
SELECT
    id,
    min(postcode) AS postcode,
    count(DISTINCT postcode) + max(CASE WHEN postcode IS NULL THEN 1 ELSE 0 END) > 1 AS conflicting
FROM pvw_user_rows
WHERE id IS NOT NULL
GROUP BY id
