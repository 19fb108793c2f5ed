-- A view over other work tables (WorkTable.viewOf).
CREATE TEMPORARY VIEW <table> AS
<definition>
