package dev.pvw.state;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** What {@code pvw status} reports about a warehouse. */
public record WarehouseStatus(
        Optional<Snapshot> lastSnapshot,
        Optional<LocalDateTime> firstHour,
        Optional<LocalDateTime> lastHour,
        long loadedHours,
        List<Batch> recentBatches,
        List<Gap> gaps,
        List<QuarantineCount> quarantine,
        List<QuarantineRun> quarantineByRun,
        long purgedQuarantineRows,
        List<Run> recentRuns) {
    public WarehouseStatus {
        recentBatches = List.copyOf(recentBatches);
        gaps = List.copyOf(gaps);
        quarantine = List.copyOf(quarantine);
        quarantineByRun = List.copyOf(quarantineByRun);
        recentRuns = List.copyOf(recentRuns);
    }

    /** Hours with no batch between the first and the last loaded hour. */
    public long missingHours() {
        return gaps.stream().mapToLong(Gap::missingHours).sum();
    }

    /** The last accepted users snapshot. */
    public record Snapshot(
            long snapshotId,
            LocalDateTime effectiveFrom,
            long users,
            long newUsers,
            long movedUsers,
            long returnedUsers,
            long deletedUsers,
            long quarantinedRows) {}

    /** A loaded pageview hour. */
    public record Batch(LocalDateTime hour, long countedRows, long quarantinedRows, long runId) {}

    /** Missing hours between two loaded ones: from the hour after {@code before} up to {@code after}, exclusive. */
    public record Gap(LocalDateTime before, LocalDateTime after) {
        public LocalDateTime firstMissing() {
            return before.plusHours(1);
        }

        public LocalDateTime lastMissing() {
            return after.minusHours(1);
        }

        public long missingHours() {
            return Duration.between(before, after).toHours() - 1;
        }
    }

    /** Quarantined rows of one source for one reason. */
    public record QuarantineCount(String source, String reason, long rows) {}

    /** Quarantined rows of one run; {@code asOf} is null when the run's record is gone. */
    public record QuarantineRun(long runId, LocalDateTime asOf, long pageviewRows, long userRows) {}

    /** A run and its outcome. */
    public record Run(
            long runId,
            LocalDateTime asOf,
            LocalDateTime startedAt,
            LocalDateTime finishedAt,
            String outcome,
            String usersOutcome,
            String pageviewsOutcome,
            String message) {}
}
