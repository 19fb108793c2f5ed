CREATE TEMPORARY TABLE pvw_affected_users (
    user_id BIGINT NOT NULL,
    affected_from TIMESTAMP,
    old_postcode VARCHAR,
    new_postcode VARCHAR
)
