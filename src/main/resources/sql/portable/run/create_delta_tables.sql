-- Changes to each mart collected over a run's steps, merged once at the end.
CREATE TEMPORARY TABLE pvw_delta_current (hour_start TIMESTAMP NOT NULL, postcode VARCHAR, pageviews BIGINT NOT NULL);
CREATE TEMPORARY TABLE pvw_delta_at_view (hour_start TIMESTAMP NOT NULL, postcode VARCHAR, pageviews BIGINT NOT NULL);
