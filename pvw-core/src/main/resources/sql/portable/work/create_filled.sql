-- A work table filled by its definition's query (WorkTable.filledBy): temporary, so it goes with the session.
CREATE TEMPORARY TABLE <table> AS
<definition>
