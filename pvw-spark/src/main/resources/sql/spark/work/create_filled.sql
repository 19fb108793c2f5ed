-- A work table filled by its definition's query (WorkTable.filledBy): an Iceberg table in the session's own scratch
-- namespace, its current one, which it drops at its end. Not a cached view: Spark recomputes a cached view when a
-- table it reads is written, and a run writes the very tables its work tables were read from.
CREATE TABLE <table> USING iceberg AS
<definition>
