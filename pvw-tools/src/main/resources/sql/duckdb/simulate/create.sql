-- The simulated operational systems, in schema sim of the warehouse while a simulation runs (dropped at its end):
-- the districts users live in, the users database as it is at the start of the day being simulated, and what
-- happens to users during that day.
DROP SCHEMA IF EXISTS sim CASCADE;
CREATE SCHEMA sim;

-- district_rank 0 is the most popular district.
CREATE TABLE sim.districts (
    district_rank INTEGER NOT NULL,
    district VARCHAR NOT NULL
);

-- live: in this morning's users extract. A user views pages in the hours [view_from_hour, view_to_hour) of the day:
-- 0 to 24 for a user who stays, until the hour of deletion for one deleted today, from the hour of arrival for one
-- new or returning today, and none (24 to 24) for a deleted user. live_since_day is the day (0 = the first) of the
-- first extract of the user's current stay.
CREATE TABLE sim.users (
    user_id BIGINT NOT NULL,
    district_rank INTEGER NOT NULL,
    activity DOUBLE NOT NULL,
    live BOOLEAN NOT NULL,
    view_from_hour INTEGER NOT NULL,
    view_to_hour INTEGER NOT NULL,
    live_since_day INTEGER NOT NULL
);

-- Today's changes: kind is new, moved, deleted or returned; district_rank is where the user is after it (for a
-- deleted user, where it left from); the extract of tomorrow morning shows the outcome.
CREATE TABLE sim.changes (
    user_id BIGINT NOT NULL,
    kind VARCHAR NOT NULL,
    district_rank INTEGER NOT NULL,
    hour INTEGER NOT NULL
);
