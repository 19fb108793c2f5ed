-- The fact and the per-user-hour rollup are merge-on-read: a re-attribution (users/update_fact, update_user_hours)
-- and a replaced batch (pageviews/delete_replaced*) touch a few users' rows in whole days of them, and copy-on-write,
-- Iceberg's default, rewrites every data file that holds one such row: at the brief's scale a day of the fact is 100M
-- rows. Merge-on-read writes small delete files beside the data instead, which readers apply and pvw maintain folds
-- back into the data. Only Spark needs this version; the other engines record it with no script.
ALTER TABLE core.pageview_fact SET TBLPROPERTIES (
    'write.delete.mode' = 'merge-on-read',
    'write.update.mode' = 'merge-on-read',
    'write.merge.mode' = 'merge-on-read'
);

ALTER TABLE core.pageview_user_hours SET TBLPROPERTIES (
    'write.delete.mode' = 'merge-on-read',
    'write.update.mode' = 'merge-on-read',
    'write.merge.mode' = 'merge-on-read'
);
