-- The districts, most popular first (PostcodeDistricts.mostPopular).
INSERT INTO sim.districts (district_rank, district)
SELECT CAST(generate_subscripts(names, 1) - 1 AS INTEGER), unnest(names)
FROM (SELECT CAST(:names AS VARCHAR[]) AS names)
