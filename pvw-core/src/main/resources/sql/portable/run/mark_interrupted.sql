-- A run still marked running when a new one holds the lock was killed part-way.
UPDATE core.runs
SET outcome = 'interrupted', message = 'the process stopped before the run finished; nothing of it was committed'
WHERE outcome = 'running'
