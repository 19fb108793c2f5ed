-- Temporary tables are never analysed by autovacuum, and a big snapshot changes the history faster than it
-- notices: fresh statistics let the planner pick hash joins for the large steps.
ANALYZE <table>;
