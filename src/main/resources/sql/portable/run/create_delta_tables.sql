-- Changes to each mart collected over a run's steps, merged once at the end, and the users whose history the run
-- changed, which its checks look at.
CREATE TEMPORARY TABLE pvw_delta_current (hour_start TIMESTAMP NOT NULL, postcode VARCHAR, pageviews BIGINT NOT NULL);
CREATE TEMPORARY TABLE pvw_delta_at_view (hour_start TIMESTAMP NOT NULL, postcode VARCHAR, pageviews BIGINT NOT NULL);
CREATE TEMPORARY TABLE pvw_check_users (user_id BIGINT NOT NULL);
