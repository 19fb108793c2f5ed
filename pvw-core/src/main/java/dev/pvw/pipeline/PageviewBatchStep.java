package dev.pvw.pipeline;

import static java.util.Objects.requireNonNull;

import dev.pvw.warehouse.RowMapper;
import dev.pvw.warehouse.Warehouse;
import dev.pvw.warehouse.WorkTables;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the pageviews extract into a batch for the hour most of its valid rows fall in: counts it into the fact with
 * each view's postcode at the time, replaces an earlier batch with other content for that hour, quarantines the
 * invalid rows, and records the marts' changes in the work tables.
 */
final class PageviewBatchStep {
    private static final Logger LOG = LoggerFactory.getLogger(PageviewBatchStep.class);

    private final Warehouse warehouse;

    PageviewBatchStep(Warehouse warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
    }

    BatchOutcome apply(long runId, LocalDateTime asOf) {
        Fingerprint extract = warehouse
                .queryOptional("pageviews/fingerprint", Map.of(), Fingerprint.MAPPER)
                .orElseThrow();
        if (extract.rows() == 0) {
            return new BatchOutcome.Empty();
        }
        // A batch already loaded is known by its content alone: a run that finds it reads none of the extract.
        Optional<LocalDateTime> loaded = warehouse.queryOptional(
                "pageviews/loaded_with_content",
                Map.of("fingerprint", extract.fingerprint()),
                row -> row.getTimestamp("batch_hour"));
        if (loaded.isPresent()) {
            return new BatchOutcome.Unchanged(loaded.get());
        }
        LOG.info("Reading pageviews extract ({} rows)", extract.rows());
        warehouse.create(WorkTables.PAGEVIEW_ROWS, Map.of());
        warehouse.update("pageviews/stage_rows", Map.of("as_of", Warehouse.timestamp(asOf)));
        warehouse.loaded(WorkTables.PAGEVIEW_ROWS);
        LocalDateTime batchHour = warehouse
                .queryOptional("pageviews/batch_hour", Map.of(), row -> row.getTimestamp("batch_hour"))
                .orElse(null);
        Map<String, Object> lookup = new HashMap<>();
        lookup.put("batch_hour", Warehouse.timestamp(batchHour));
        lookup.put("fingerprint", extract.fingerprint());
        Optional<ActiveBatch> standing = warehouse.queryOptional("pageviews/active_batch", lookup, ActiveBatch.MAPPER);
        // Only a batch with no hour, or one fingerprinted in an earlier form, can still match here: one with an hour
        // and the current form was found by its content above.
        if (standing.isPresent() && extract.matches(standing.get().fingerprint(), warehouse, "pageviews/fingerprint")) {
            return new BatchOutcome.Unchanged(batchHour);
        }

        long batchId = warehouse.queryLong("pageviews/next_batch_id", Map.of());
        if (standing.isPresent()) {
            replace(standing.get(), batchId);
        }

        LOG.info("Attributing pageviews of batch {} for {}", batchId, batchHour);
        warehouse.create(WorkTables.BATCH_USER_HOURS, Map.of());
        warehouse.loaded(WorkTables.BATCH_USER_HOURS);
        warehouse.create(WorkTables.ATTRIBUTED_USER_HOURS, Map.of());
        warehouse.loaded(WorkTables.ATTRIBUTED_USER_HOURS);
        BatchCounts counts = warehouse
                .queryOptional("pageviews/batch_counts", Map.of(), BatchCounts.MAPPER)
                .orElseThrow();
        Map<String, Object> batch = Map.of("batch_id", batchId);
        // Where the engine partitions the fact, its hooks make the partitions and gather their statistics.
        warehouse.hook("before_insert_fact", Map.of());
        warehouse.update("pageviews/insert_fact", batch);
        warehouse.hook("after_insert_fact", Map.of());
        warehouse.update("pageviews/insert_user_hours", batch);
        warehouse.update("pageviews/add_batch", Map.of());
        warehouse.update("pageviews/add_batch_current", Map.of());
        if (counts.quarantinedRows() > 0) {
            warehouse.update("pageviews/quarantine", Map.of("run_id", runId, "batch_id", batchId));
        }

        Map<String, Object> record = new HashMap<>();
        record.put("batch_id", batchId);
        record.put("batch_hour", Warehouse.timestamp(batchHour));
        record.put("fingerprint", extract.fingerprint());
        record.put("extract_rows", extract.rows());
        record.put("counted_rows", counts.countedRows());
        record.put("quarantined_rows", counts.quarantinedRows());
        record.put("first_hour", Warehouse.timestamp(counts.firstHour()));
        record.put("last_hour", Warehouse.timestamp(counts.lastHour()));
        record.put("run_id", runId);
        warehouse.update("pageviews/record_batch", record);
        return new BatchOutcome.Loaded(
                batchId, batchHour, standing.isPresent(), counts.countedRows(), counts.quarantinedRows());
    }

    /** Takes the standing batch out of the fact and the marts; only its own rows and hours are touched. */
    private void replace(ActiveBatch standing, long batchId) {
        LOG.info("Replacing batch {} ({} to {})", standing.batchId(), standing.firstHour(), standing.lastHour());
        Map<String, Object> old = new HashMap<>();
        old.put("batch_id", standing.batchId());
        old.put("first_hour", Warehouse.timestamp(standing.firstHour()));
        old.put("last_hour", Warehouse.timestamp(standing.lastHour()));
        warehouse.update("pageviews/subtract_replaced", old);
        warehouse.update("pageviews/subtract_replaced_current", old);
        warehouse.update("pageviews/delete_replaced", old);
        warehouse.update("pageviews/delete_replaced_user_hours", old);
        warehouse.update("pageviews/mark_replaced", Map.of("batch_id", batchId, "replaced_id", standing.batchId()));
    }

    /** The batch standing for an hour in the ledger. */
    record ActiveBatch(long batchId, String fingerprint, LocalDateTime firstHour, LocalDateTime lastHour) {
        static final RowMapper<ActiveBatch> MAPPER = row -> new ActiveBatch(
                row.getLong("batch_id"),
                row.getString("fingerprint"),
                row.getTimestamp("first_hour"),
                row.getTimestamp("last_hour"));
    }

    /** What a batch counted and quarantined, and the hours its counted rows cover. */
    record BatchCounts(long countedRows, long quarantinedRows, LocalDateTime firstHour, LocalDateTime lastHour) {
        static final RowMapper<BatchCounts> MAPPER = row -> new BatchCounts(
                row.getLong("counted_rows"),
                row.getLong("quarantined_rows"),
                row.getTimestamp("first_hour"),
                row.getTimestamp("last_hour"));
    }
}
