-- What the warehouse holds already: a simulation starts from an empty one.
SELECT
    (SELECT count(*) FROM core.users_snapshots) AS snapshots,
    (SELECT count(*) FROM core.pageview_batches) AS batches
