package dev.pvw.warehouse;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * What {@code pvw maintain} keeps of a warehouse kept as files (Iceberg): snapshots newer than
 * {@code expireSnapshotsBefore} (and always the table's latest {@code retainLast}), and unreferenced files newer than
 * {@code orphansBefore}, which a writer still at work may be about to commit.
 */
public record MaintenancePolicy(Instant expireSnapshotsBefore, int retainLast, Instant orphansBefore) {
    public MaintenancePolicy {
        requireNonNull(expireSnapshotsBefore, "expireSnapshotsBefore");
        requireNonNull(orphansBefore, "orphansBefore");
        if (retainLast < 1) {
            throw new IllegalArgumentException("retainLast must be at least 1, not " + retainLast);
        }
    }
}
