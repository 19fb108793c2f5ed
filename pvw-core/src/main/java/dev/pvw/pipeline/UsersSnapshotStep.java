package dev.pvw.pipeline;

import static java.util.Objects.requireNonNull;

import dev.pvw.warehouse.RowMapper;
import dev.pvw.warehouse.Warehouse;
import dev.pvw.warehouse.WorkTables;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the users extract into a snapshot effective from 00:00 of the run's day: applies it to the postcode history
 * and records, in the mart work tables, how the marts change for the users whose attribution it changes.
 */
final class UsersSnapshotStep {
    private static final Logger LOG = LoggerFactory.getLogger(UsersSnapshotStep.class);

    private final Warehouse warehouse;

    UsersSnapshotStep(Warehouse warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
    }

    SnapshotOutcome apply(long runId, LocalDateTime asOf, boolean allowShrink) {
        Fingerprint extract = warehouse
                .queryOptional("users/fingerprint", Map.of(), Fingerprint.MAPPER)
                .orElseThrow();
        Optional<LastSnapshot> last = warehouse.queryOptional("users/last_accepted", Map.of(), LastSnapshot.MAPPER);
        if (last.isEmpty() && extract.rows() == 0) {
            return new SnapshotOutcome.NoSnapshotYet();
        }
        if (last.isPresent() && extract.matches(last.get().fingerprint(), warehouse, "users/fingerprint")) {
            return new SnapshotOutcome.Unchanged(last.get().effectiveFrom());
        }
        LocalDateTime effectiveFrom = asOf.toLocalDate().atStartOfDay();
        if (last.isPresent() && effectiveFrom.isBefore(last.get().effectiveFrom())) {
            return new SnapshotOutcome.Refused("the extract would be effective " + effectiveFrom.toLocalDate()
                    + ", before the last accepted snapshot effective "
                    + last.get().effectiveFrom().toLocalDate()
                    + "; run with an --as-of on or after that day");
        }

        LOG.info("Reading users extract ({} rows)", extract.rows());
        warehouse.create(WorkTables.USER_ROWS, Map.of());
        warehouse.loaded(WorkTables.USER_ROWS);
        warehouse.create(WorkTables.USER_IDS, Map.of());
        warehouse.loaded(WorkTables.USER_IDS);
        GuardCounts counts = warehouse
                .queryOptional("users/guard_counts", Map.of(), GuardCounts.MAPPER)
                .orElseThrow();
        Optional<String> refusal = guard(counts, last, allowShrink);
        if (refusal.isPresent()) {
            return new SnapshotOutcome.Refused(refusal.get());
        }

        long snapshotId = warehouse.queryLong("users/next_snapshot_id", Map.of());
        Map<String, Object> effective = Map.of("effective_from", Warehouse.timestamp(effectiveFrom));
        warehouse.create(WorkTables.AFFECTED_USERS, Map.of());
        boolean replacing = last.isPresent() && last.get().effectiveFrom().equals(effectiveFrom);
        if (replacing) {
            LOG.info("Replacing snapshot {} effective {}", last.get().snapshotId(), effectiveFrom.toLocalDate());
            warehouse.update("users/capture_replaced", effective);
            warehouse.update("users/revert_delete", effective);
            warehouse.update("users/revert_reopen", effective);
            warehouse.update(
                    "users/mark_replaced",
                    Map.of("snapshot_id", snapshotId, "replaced_id", last.get().snapshotId()));
        }

        LOG.info("Comparing snapshot with the current history");
        warehouse.create(WorkTables.SNAPSHOT_USERS, Map.of());
        warehouse.loaded(WorkTables.SNAPSHOT_USERS);
        warehouse.create(WorkTables.USER_CHANGES, Map.of());
        warehouse.loaded(WorkTables.USER_CHANGES);
        Changes changes = warehouse
                .queryOptional("users/change_counts", Map.of(), Changes.MAPPER)
                .orElseThrow();
        warehouse.update("users/capture_changed", effective);

        LOG.info(
                "Recording history: {} new, {} moved, {} returned, {} deleted",
                changes.newUsers(),
                changes.movedUsers(),
                changes.returnedUsers(),
                changes.deletedUsers());
        warehouse.update("users/close_versions", effective);
        warehouse.update(
                "users/open_versions",
                Map.of("effective_from", Warehouse.timestamp(effectiveFrom), "snapshot_id", snapshotId));

        warehouse.loaded(WorkTables.USER_POSTCODE_HISTORY);
        warehouse.loaded(WorkTables.AFFECTED_USERS);

        LOG.info("Re-attributing pageviews of the users whose postcode changed");
        warehouse.update("users/set_new_postcodes", Map.of());
        warehouse.create(WorkTables.AFFECTED_USER_HOURS, Map.of());
        warehouse.loaded(WorkTables.AFFECTED_USER_HOURS);
        warehouse.update("users/delta_current", Map.of());
        warehouse.create(WorkTables.REATTRIBUTED, Map.of());
        warehouse.loaded(WorkTables.REATTRIBUTED);
        warehouse.update("users/delta_at_view", Map.of());
        reattribute();

        // Every row of the extract that is not valid is quarantined: with none, the statement is skipped.
        long quarantined = counts.rows() == counts.validRows()
                ? 0
                : warehouse.update("users/quarantine", Map.of("run_id", runId, "snapshot_id", snapshotId));
        warehouse.update(
                "users/record_snapshot",
                Map.ofEntries(
                        Map.entry("snapshot_id", snapshotId),
                        Map.entry("effective_from", Warehouse.timestamp(effectiveFrom)),
                        Map.entry("fingerprint", extract.fingerprint()),
                        Map.entry("extract_rows", extract.rows()),
                        Map.entry("distinct_ids", counts.distinctIds()),
                        Map.entry("users", changes.users()),
                        Map.entry("new_users", changes.newUsers()),
                        Map.entry("moved_users", changes.movedUsers()),
                        Map.entry("returned_users", changes.returnedUsers()),
                        Map.entry("deleted_users", changes.deletedUsers()),
                        Map.entry("quarantined_rows", quarantined),
                        Map.entry("run_id", runId)));
        return new SnapshotOutcome.Accepted(
                snapshotId,
                effectiveFrom,
                replacing,
                changes.users(),
                changes.newUsers(),
                changes.movedUsers(),
                changes.returnedUsers(),
                changes.deletedUsers(),
                quarantined);
    }

    /**
     * Writes the new postcodes at view into the rollup and the fact, reading only the hours that change (usually the
     * last day or two: moves take effect from the snapshot's day, and new users have only recent pageviews).
     */
    private void reattribute() {
        List<LocalDateTime> hours = warehouse
                .query(
                        "users/reattributed_hours",
                        Map.of(),
                        row -> Arrays.asList(row.getTimestamp("first_hour"), row.getTimestamp("last_hour")))
                .get(0);
        if (hours.get(0) == null) {
            return;
        }
        LOG.info("Re-attributing the hours from {} to {}", hours.get(0), hours.get(1));
        Map<String, Object> bounds =
                Map.of("first_hour", Warehouse.timestamp(hours.get(0)), "last_hour", Warehouse.timestamp(hours.get(1)));
        warehouse.update("users/update_user_hours", bounds);
        warehouse.update("users/update_fact", bounds);
    }

    /** The guards of SPEC section 4: an empty snapshot always, a shrinking one unless allowed. */
    static Optional<String> guard(GuardCounts counts, Optional<LastSnapshot> last, boolean allowShrink) {
        if (counts.validRows() == 0) {
            return Optional.of("the users extract has no valid rows (every id is NULL or has conflicting postcodes);"
                    + " reload raw.users_extract and run again");
        }
        if (!allowShrink
                && last.isPresent()
                && counts.distinctIds() * 2 < last.get().distinctIds()) {
            return Optional.of(String.format(
                    "the users extract has %d distinct ids, fewer than half of the %d in the last accepted snapshot;"
                            + " check the extract, or run again with --allow-shrink if the drop is real",
                    counts.distinctIds(), last.get().distinctIds()));
        }
        return Optional.empty();
    }

    /** The last accepted users snapshot, as far as the next one needs to know. */
    record LastSnapshot(long snapshotId, LocalDateTime effectiveFrom, String fingerprint, long distinctIds) {
        static final RowMapper<LastSnapshot> MAPPER = row -> new LastSnapshot(
                row.getLong("snapshot_id"),
                row.getTimestamp("effective_from"),
                row.getString("fingerprint"),
                row.getLong("distinct_ids"));
    }

    /** What the guards look at in a users extract, and its rows as read (those not valid are quarantined). */
    record GuardCounts(long distinctIds, long validRows, long rows) {
        static final RowMapper<GuardCounts> MAPPER = row ->
                new GuardCounts(row.getLong("distinct_ids"), row.getLong("valid_rows"), row.getLong("extract_rows"));
    }

    /** How a snapshot changes the users. */
    record Changes(long users, long newUsers, long movedUsers, long returnedUsers, long deletedUsers) {
        static final RowMapper<Changes> MAPPER = row -> new Changes(
                row.getLong("users"),
                row.getLong("new_users"),
                row.getLong("moved_users"),
                row.getLong("returned_users"),
                row.getLong("deleted_users"));
    }
}
