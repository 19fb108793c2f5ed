-- Users in this morning's extract: the day's traffic is shared among them.
SELECT count(*) FROM sim.users WHERE live
