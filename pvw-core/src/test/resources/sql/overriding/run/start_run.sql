-- A test engine's own start_run, for SqlScriptsTest: it overrides the portable one.
SELECT 1
