-- A work table made empty with its definition's columns (WorkTable.withColumns), which later statements insert into.
CREATE TEMPORARY TABLE <table> (
<definition>
)
