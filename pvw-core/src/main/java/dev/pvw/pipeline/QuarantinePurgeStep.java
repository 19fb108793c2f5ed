package dev.pvw.pipeline;

import static java.util.Objects.requireNonNull;

import dev.pvw.warehouse.Warehouse;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * Keeps the quarantine from growing without bound: deletes the rows quarantined by runs that started before the
 * retention period, and marks their batches and snapshots in the ledgers as purged, so that reconciling the ledgers
 * with the quarantine expects them gone. When nothing is that old, which one read finds, it changes nothing.
 */
final class QuarantinePurgeStep {
    private final Warehouse warehouse;

    QuarantinePurgeStep(Warehouse warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
    }

    QuarantinePurge apply(QuarantineRetention retention, LocalDateTime now) {
        Map<String, Object> cutoff = Map.of("cutoff", Warehouse.timestamp(retention.cutoff(now)));
        if (warehouse.queryLong("quarantine/purge_pending", cutoff) == 0) {
            return new QuarantinePurge(retention.days(), 0, 0);
        }
        Map<String, Object> mark =
                Map.of("cutoff", Warehouse.timestamp(retention.cutoff(now)), "purged_at", Warehouse.timestamp(now));
        warehouse.update("quarantine/purge_mark_batches", mark);
        warehouse.update("quarantine/purge_mark_snapshots", mark);
        long pageviews = warehouse.update("quarantine/purge_pageviews", cutoff);
        long users = warehouse.update("quarantine/purge_users", cutoff);
        return new QuarantinePurge(retention.days(), pageviews, users);
    }
}
