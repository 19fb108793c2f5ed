-- The simulation's randomness and shapes, as macros of this connection.
--
-- A uniform number in [0, 1) from a salt (the hash of the seed, a stream name and a day or an hour) and a key (a
-- user, a session, a pageview). DuckDB's hash of one value mixes well, but its hash of several values does not
-- (neighbouring streams come out correlated), so salt and key are combined by XOR and hashed once more. Being a
-- function of its inputs only, it gives the same numbers however many threads run a query, unlike random().
CREATE OR REPLACE TEMP MACRO sim_uniform(salt, k) AS
    CAST(hash(xor(CAST(k AS UBIGINT), salt)) >> 11 AS DOUBLE) / 9007199254740992.0;

-- A standard normal number from two uniform ones (Box-Muller).
CREATE OR REPLACE TEMP MACRO sim_gaussian(u1, u2) AS sqrt(-2 * ln(1 - u1)) * cos(2 * pi() * u2);

-- How active a user is: log-normal with sigma 0.8 (Traffic.ACTIVITY_SPREAD), so most users view a few pages and a
-- few view very many.
CREATE OR REPLACE TEMP MACRO sim_activity(u1, u2) AS exp(0.8 * sim_gaussian(u1, u2));

-- A district rank in [0, districts), skewed like Zipf with exponent 0.9: the inverse of the distribution function of
-- x^-0.9 on [1, districts + 1), so that a few districts hold many users and there is a long tail.
CREATE OR REPLACE TEMP MACRO sim_district(u, districts) AS
    least(CAST(floor(pow((pow(districts + 1, 0.1) - 1) * u + 1, 10)) AS INTEGER) - 1, districts - 1);

-- A district other than current, for a user who moves.
CREATE OR REPLACE TEMP MACRO sim_other_district(current_rank, u, districts) AS
    CASE WHEN sim_district(u, districts) = current_rank THEN (current_rank + 1) % districts
         ELSE sim_district(u, districts) END;

-- A Poisson number with mean r from a uniform u (inverse distribution function up to 12; a normal approximation
-- with the normal number z above a mean of 4, where the chain would be long).
CREATE OR REPLACE TEMP MACRO sim_poisson(r, u, z) AS
    CASE
        WHEN r > 4 THEN CAST(greatest(0, round(r + sqrt(r) * z)) AS BIGINT)
        WHEN u < exp(-r) THEN 0
        WHEN u < exp(-r) * (1 + r) THEN 1
        WHEN u < exp(-r) * (1 + r + r ^ 2 / 2) THEN 2
        WHEN u < exp(-r) * (1 + r + r ^ 2 / 2 + r ^ 3 / 6) THEN 3
        WHEN u < exp(-r) * (1 + r + r ^ 2 / 2 + r ^ 3 / 6 + r ^ 4 / 24) THEN 4
        WHEN u < exp(-r) * (1 + r + r ^ 2 / 2 + r ^ 3 / 6 + r ^ 4 / 24 + r ^ 5 / 120) THEN 5
        WHEN u < exp(-r) * (1 + r + r ^ 2 / 2 + r ^ 3 / 6 + r ^ 4 / 24 + r ^ 5 / 120 + r ^ 6 / 720) THEN 6
        WHEN u < exp(-r) * (1 + r + r ^ 2 / 2 + r ^ 3 / 6 + r ^ 4 / 24 + r ^ 5 / 120 + r ^ 6 / 720
                            + r ^ 7 / 5040) THEN 7
        WHEN u < exp(-r) * (1 + r + r ^ 2 / 2 + r ^ 3 / 6 + r ^ 4 / 24 + r ^ 5 / 120 + r ^ 6 / 720
                            + r ^ 7 / 5040 + r ^ 8 / 40320) THEN 8
        WHEN u < exp(-r) * (1 + r + r ^ 2 / 2 + r ^ 3 / 6 + r ^ 4 / 24 + r ^ 5 / 120 + r ^ 6 / 720
                            + r ^ 7 / 5040 + r ^ 8 / 40320 + r ^ 9 / 362880) THEN 9
        WHEN u < exp(-r) * (1 + r + r ^ 2 / 2 + r ^ 3 / 6 + r ^ 4 / 24 + r ^ 5 / 120 + r ^ 6 / 720
                            + r ^ 7 / 5040 + r ^ 8 / 40320 + r ^ 9 / 362880 + r ^ 10 / 3628800) THEN 10
        WHEN u < exp(-r) * (1 + r + r ^ 2 / 2 + r ^ 3 / 6 + r ^ 4 / 24 + r ^ 5 / 120 + r ^ 6 / 720
                            + r ^ 7 / 5040 + r ^ 8 / 40320 + r ^ 9 / 362880 + r ^ 10 / 3628800
                            + r ^ 11 / 39916800) THEN 11
        ELSE 12
    END;

-- The district as a careless source system might write it: lower case, stray blanks or a tab around it. The
-- pipeline trims and upper-cases postcodes, so these must count as the district itself.
CREATE OR REPLACE TEMP MACRO sim_messy(district, u) AS
    CASE CAST(floor(5 * u) AS INTEGER)
        WHEN 0 THEN lower(district)
        WHEN 1 THEN ' ' || district
        WHEN 2 THEN district || '  '
        WHEN 3 THEN chr(9) || lower(district)
        ELSE left(district, 1) || lower(substr(district, 2)) || ' '
    END;

-- A page: the home page a quarter of the time, then articles and products, each with a few popular ones and a long
-- tail (v cubed favours the low numbers), then search, account and basket pages.
CREATE OR REPLACE TEMP MACRO sim_url(u, v) AS
    'www.website.com/' || CASE
        WHEN u < 0.25 THEN 'index.html'
        WHEN u < 0.55 THEN 'news/' || CAST(1 + CAST(floor(300 * v * v * v) AS INTEGER) AS VARCHAR) || '.html'
        WHEN u < 0.80 THEN 'products/' || CAST(1 + CAST(floor(500 * v * v * v) AS INTEGER) AS VARCHAR) || '.html'
        WHEN u < 0.90 THEN 'search.html'
        WHEN u < 0.95 THEN 'account.html'
        ELSE 'basket.html'
    END;
