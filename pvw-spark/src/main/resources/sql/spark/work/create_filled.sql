-- A work table filled by its definition's query (WorkTable.filledBy): the engine computes the query now and keeps its
-- result under a temporary view of the table's name (SparkEngineSession.fill, a local checkpoint), so that it is read
-- once, is never recomputed when a table it read is written later in the run, and costs no Iceberg commit.
CREATE OR REPLACE TEMPORARY VIEW <table> AS
<definition>
