-- pvw_check_fact: the fact's pageviews in the hours a set of checks reads, counted per hour, batch and postcode at
-- view: one pass over the fact that the ledger, totals and at-view checks then read instead of the fact itself.
hour_start TIMESTAMP NOT NULL,
batch_id BIGINT NOT NULL,
postcode_at_view VARCHAR,
pageviews BIGINT NOT NULL
