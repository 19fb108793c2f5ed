package dev.pvw.state;

import static java.util.Objects.requireNonNull;

import dev.pvw.warehouse.Warehouse;
import java.sql.ResultSet;
import java.sql.SQLException;
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
                (rs, context) -> new WarehouseStatus.Snapshot(
                        rs.getLong("snapshot_id"),
                        timestamp(rs, "effective_from"),
                        rs.getLong("users"),
                        rs.getLong("new_users"),
                        rs.getLong("moved_users"),
                        rs.getLong("returned_users"),
                        rs.getLong("deleted_users"),
                        rs.getLong("quarantined_rows")));
        LoadedRange range = warehouse
                .queryOptional(
                        "status/loaded_range",
                        Map.of(),
                        (rs, context) -> new LoadedRange(
                                timestamp(rs, "first_hour"), timestamp(rs, "last_hour"), rs.getLong("hours")))
                .orElseThrow();
        var batches = warehouse.query(
                "status/recent_batches",
                recent,
                (rs, context) -> new WarehouseStatus.Batch(
                        timestamp(rs, "batch_hour"),
                        rs.getLong("counted_rows"),
                        rs.getLong("quarantined_rows"),
                        rs.getLong("run_id")));
        var gaps = warehouse.query(
                "status/gaps",
                Map.of(),
                (rs, context) -> new WarehouseStatus.Gap(timestamp(rs, "before_gap"), timestamp(rs, "after_gap")));
        var quarantine = warehouse.query(
                "status/quarantine_counts",
                Map.of(),
                (rs, context) -> new WarehouseStatus.QuarantineCount(
                        rs.getString("source"), rs.getString("reason"), rs.getLong("row_count")));
        var quarantineByRun = warehouse.query(
                "status/quarantine_by_run",
                recent,
                (rs, context) -> new WarehouseStatus.QuarantineRun(
                        rs.getLong("run_id"),
                        timestamp(rs, "as_of"),
                        rs.getLong("pageview_rows"),
                        rs.getLong("user_rows")));
        long purged = warehouse.queryLong("status/quarantine_purged", Map.of());
        var runs = warehouse.query(
                "status/recent_runs",
                recent,
                (rs, context) -> new WarehouseStatus.Run(
                        rs.getLong("run_id"),
                        timestamp(rs, "as_of"),
                        timestamp(rs, "started_at"),
                        timestamp(rs, "finished_at"),
                        rs.getString("outcome"),
                        rs.getString("users_outcome"),
                        rs.getString("pageviews_outcome"),
                        rs.getString("message")));
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

    private static LocalDateTime timestamp(ResultSet rs, String column) throws SQLException {
        return Warehouse.timestamp(rs, column);
    }
}
