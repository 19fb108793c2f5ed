INSERT INTO pvw_check_users (user_id)
SELECT DISTINCT user_id FROM core.user_postcode_history
