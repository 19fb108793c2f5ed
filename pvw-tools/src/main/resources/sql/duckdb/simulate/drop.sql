-- The simulated operational systems go when the simulation ends; the warehouse keeps only what the pipeline made.
DROP SCHEMA IF EXISTS sim CASCADE;
