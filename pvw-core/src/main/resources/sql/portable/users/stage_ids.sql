-- One row per id, with how many rows list it; an id whose rows disagree on the normalised postcode (two postcodes,
-- or a postcode and an empty one) is conflicting. min/max and counts rather than count(DISTINCT postcode), which
-- costs several times more over 20M ids.
SELECT
    id,
    min(postcode) AS postcode,
    count(*) AS listed,
    coalesce(min(postcode) <> max(postcode), false)
        OR (count(postcode) > 0 AND count(postcode) < count(*)) AS conflicting
FROM pvw_user_rows
WHERE id IS NOT NULL
GROUP BY id
