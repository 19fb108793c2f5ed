-- Reconciles the pageview batches of the ledger with the fact and the quarantine. Per batch: the rows its extract
-- held are the rows it counted plus the rows it quarantined; the fact holds the counted rows (none once the batch
-- was replaced); the quarantine holds the quarantined rows (none once retention purged them). Also fact or
-- quarantine rows of a batch the ledger does not know. The batches of run :run_id and those they replaced, or every
-- batch when :run_id is NULL; fact rows as pvw_check_fact counted them in the hours that cover those batches.
WITH batches AS (
    SELECT
        batch_id,
        batch_hour,
        extract_rows,
        counted_rows,
        quarantined_rows,
        CASE WHEN replaced_by IS NULL THEN counted_rows ELSE 0 END AS expected_fact_rows,
        CASE WHEN quarantine_purged_at IS NULL THEN quarantined_rows ELSE 0 END AS expected_quarantine_rows
    FROM core.pageview_batches
    WHERE CAST(:run_id AS BIGINT) IS NULL
       OR run_id = CAST(:run_id AS BIGINT)
       OR replaced_by IN (SELECT batch_id FROM core.pageview_batches WHERE run_id = CAST(:run_id AS BIGINT))
),
fact AS (
    SELECT batch_id, sum(pageviews) AS fact_rows
    FROM pvw_check_fact
    GROUP BY batch_id
),
quarantine AS (
    SELECT batch_id, count(*) AS quarantine_rows
    FROM core.quarantined_pageviews
    WHERE CAST(:run_id AS BIGINT) IS NULL OR batch_id IN (SELECT batch_id FROM batches)
    GROUP BY batch_id
),
problems AS (
    SELECT
        b.batch_id,
        b.batch_hour,
        TRUE AS in_ledger,
        b.extract_rows,
        b.counted_rows,
        b.quarantined_rows,
        b.expected_fact_rows,
        b.expected_quarantine_rows,
        coalesce(f.fact_rows, 0) AS fact_rows,
        coalesce(q.quarantine_rows, 0) AS quarantine_rows
    FROM batches AS b
    LEFT JOIN fact AS f ON f.batch_id = b.batch_id
    LEFT JOIN quarantine AS q ON q.batch_id = b.batch_id
    WHERE b.counted_rows + b.quarantined_rows <> b.extract_rows
       OR coalesce(f.fact_rows, 0) <> b.expected_fact_rows
       OR coalesce(q.quarantine_rows, 0) <> b.expected_quarantine_rows
    UNION ALL
    SELECT
        coalesce(f.batch_id, q.batch_id),
        NULL,
        FALSE,
        0,
        0,
        0,
        0,
        0,
        coalesce(f.fact_rows, 0),
        coalesce(q.quarantine_rows, 0)
    FROM fact AS f
    FULL OUTER JOIN quarantine AS q ON q.batch_id = f.batch_id
    WHERE coalesce(f.batch_id, q.batch_id) NOT IN (SELECT batch_id FROM core.pageview_batches)
)
SELECT
    batch_id, batch_hour, in_ledger, extract_rows, counted_rows, quarantined_rows,
    expected_fact_rows, expected_quarantine_rows, fact_rows, quarantine_rows
FROM problems
ORDER BY batch_id
LIMIT :limit
