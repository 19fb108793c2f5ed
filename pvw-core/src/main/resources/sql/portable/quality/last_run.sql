-- The last run that committed its work (a refused users snapshot still commits the pageview batch); no row if none.
SELECT run_id FROM core.runs WHERE outcome IN ('succeeded', 'refused') ORDER BY run_id DESC LIMIT 1
