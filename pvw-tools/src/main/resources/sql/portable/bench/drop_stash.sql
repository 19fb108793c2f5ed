DROP TABLE IF EXISTS bench.stash_pageviews;
DROP TABLE IF EXISTS bench.stash_users;
