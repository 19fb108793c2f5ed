-- First statement of a run's REPEATABLE READ transaction, before its snapshot is taken: an ACCESS SHARE lock on
-- the extracts, so that an extract process's TRUNCATE (which is not MVCC-safe) waits for the run to commit
-- instead of emptying the tables under its snapshot. Plain DELETE and INSERT by the extract processes go on;
-- the run does not see them.
LOCK TABLE raw.users_extract, raw.pageviews_extract IN ACCESS SHARE MODE;
