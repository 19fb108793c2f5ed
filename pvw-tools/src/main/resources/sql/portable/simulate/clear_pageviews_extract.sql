-- The extract process truncates before it loads. DELETE is the portable spelling, and it stays inside the
-- landing transaction on every engine, so a reader never sees the table half loaded.
DELETE FROM raw.pageviews_extract
