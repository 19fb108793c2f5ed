-- pvw_delta_current and pvw_delta_at_view: a mart's changes collected over a run's steps, merged once at its end.
hour_start TIMESTAMP NOT NULL,
postcode VARCHAR,
pageviews BIGINT NOT NULL
