-- pvw_affected_users: the users whose attribution a snapshot changes, from when, with their postcodes before and after.
user_id BIGINT NOT NULL,
affected_from TIMESTAMP,
old_postcode VARCHAR,
new_postcode VARCHAR
