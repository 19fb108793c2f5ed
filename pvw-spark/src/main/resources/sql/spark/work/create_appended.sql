-- A work table made empty with its definition's columns (WorkTable.withColumns), which later statements insert into
-- and merge into: an Iceberg table in the session's own scratch namespace, its current one, which it drops at its end.
CREATE TABLE <table> (
<definition>
) USING iceberg
