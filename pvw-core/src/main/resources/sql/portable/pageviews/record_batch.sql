INSERT INTO core.pageview_batches (
    batch_id, batch_hour, fingerprint, extract_rows, counted_rows, quarantined_rows,
    first_hour, last_hour, run_id, replaced_by)
VALUES (
    :batch_id, CAST(:batch_hour AS TIMESTAMP), :fingerprint, :extract_rows, :counted_rows, :quarantined_rows,
    CAST(:first_hour AS TIMESTAMP), CAST(:last_hour AS TIMESTAMP), :run_id, NULL)
