-- A work table made empty with its definition's columns (WorkTable.withColumns), which later statements insert into
-- and merge into: an Iceberg table in the session's own scratch namespace, its current one, which it drops with its
-- files at its end. Made again by replacing it, as dropping it between runs is left to the session's end.
CREATE OR REPLACE TABLE <table> (
<definition>
) USING iceberg
