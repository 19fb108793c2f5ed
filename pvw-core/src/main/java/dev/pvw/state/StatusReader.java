package dev.pvw.state;

import static java.util.Objects.requireNonNull;

import dev.pvw.warehouse.Warehouse;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

/** Reads the ledgers, the run log and the quarantine into a {@link WarehouseStatus}. */
public final class StatusReader {
    private static final int RECENT = 10;

    private final Warehouse warehouse;

    public StatusReader(Warehouse warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
    }

    public WarehouseStatus read() {
        Map<String, Object> recent = Map.of("limit", RECENT);
        var snapshot = warehouse.queryOptional(
                "status/last_snapshot",
                Map.of(),
                row -> new WarehouseStatus.Snapshot(
                        row.getLong("snapshot_id"),
                        row.getTimestamp("effective_from"),
                        row.getLong("users"),
                        row.getLong("new_users"),
                        row.getLong("moved_users"),
                        row.getLong("returned_users"),
                        row.getLong("deleted_users"),
                        row.getLong("quarantined_rows")));
        LoadedRange range = warehouse
                .queryOptional(
                        "status/loaded_range",
                        Map.of(),
                        row -> new LoadedRange(
                                row.getTimestamp("first_hour"), row.getTimestamp("last_hour"), row.getLong("hours")))
                .orElseThrow();
        var batches = warehouse.query(
                "status/recent_batches",
                recent,
                row -> new WarehouseStatus.Batch(
                        row.getTimestamp("batch_hour"),
                        row.getLong("counted_rows"),
                        row.getLong("quarantined_rows"),
                        row.getLong("run_id")));
        var gaps = warehouse.query(
                "status/gaps",
                Map.of(),
                row -> new WarehouseStatus.Gap(row.getTimestamp("before_gap"), row.getTimestamp("after_gap")));
        var quarantine = warehouse.query(
                "status/quarantine_counts",
                Map.of(),
                row -> new WarehouseStatus.QuarantineCount(
                        row.getString("source"), row.getString("reason"), row.getLong("row_count")));
        var quarantineByRun = warehouse.query(
                "status/quarantine_by_run",
                recent,
                row -> new WarehouseStatus.QuarantineRun(
                        row.getLong("run_id"),
                        row.getTimestamp("as_of"),
                        row.getLong("pageview_rows"),
                        row.getLong("user_rows")));
        long purged = warehouse.queryLong("status/quarantine_purged", Map.of());
        var runs = warehouse.query(
                "status/recent_runs",
                recent,
                row -> new WarehouseStatus.Run(
                        row.getLong("run_id"),
                        row.getTimestamp("as_of"),
                        row.getTimestamp("started_at"),
                        row.getTimestamp("finished_at"),
                        row.getString("outcome"),
                        row.getString("users_outcome"),
                        row.getString("pageviews_outcome"),
                        row.getString("message")));
        return new WarehouseStatus(
                snapshot,
                Optional.ofNullable(range.first()),
                Optional.ofNullable(range.last()),
                range.hours(),
                batches,
                gaps,
                quarantine,
                quarantineByRun,
                purged,
                runs);
    }

    private record LoadedRange(LocalDateTime first, LocalDateTime last, long hours) {}
}
