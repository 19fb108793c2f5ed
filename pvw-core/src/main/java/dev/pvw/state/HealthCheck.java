package dev.pvw.state;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code pvw status --check} checks: hours missing between the first and the last loaded hour, the newest batch
 * and the newest users snapshot older than their limits, and a last run that failed, was refused or was interrupted.
 */
public final class HealthCheck {
    private final FreshnessLimits limits;
    private final boolean runningMeansInterrupted;

    /**
     * @param runningMeansInterrupted whether a run still marked running cannot be at work while the status is read (an
     *     engine that admits one process per warehouse), so that it was killed part-way; elsewhere it may be running
     *     now, and the check judges the run before it
     */
    public HealthCheck(FreshnessLimits limits, boolean runningMeansInterrupted) {
        this.limits = requireNonNull(limits, "limits");
        this.runningMeansInterrupted = runningMeansInterrupted;
    }

    /** The problems of the warehouse whose status this is, at the time {@code asOf}. */
    public HealthReport check(WarehouseStatus status, LocalDateTime asOf) {
        requireNonNull(status, "status");
        requireNonNull(asOf, "asOf");
        List<Problem> problems = new ArrayList<>();
        Optional<LocalDateTime> newestHour = status.lastHour();
        if (newestHour.isEmpty()) {
            problems.add(new Problem.NoBatch());
        } else if (olderThan(newestHour.get().plusHours(1), asOf, limits.maxBatchAge())) {
            problems.add(new Problem.StaleBatch(newestHour.get(), asOf, limits.maxBatchAge()));
        }
        status.gaps().forEach(gap -> problems.add(new Problem.MissingHours(gap)));
        Optional<LocalDateTime> effectiveFrom = status.lastSnapshot().map(WarehouseStatus.Snapshot::effectiveFrom);
        if (effectiveFrom.isEmpty()) {
            problems.add(new Problem.NoSnapshot());
        } else if (olderThan(effectiveFrom.get(), asOf, limits.maxSnapshotAge())) {
            problems.add(new Problem.StaleSnapshot(effectiveFrom.get(), asOf, limits.maxSnapshotAge()));
        }
        Optional<WarehouseStatus.Run> lastRun = lastRun(status);
        lastRun.flatMap(this::problemOf).ifPresent(problems::add);
        return new HealthReport(asOf, newestHour, effectiveFrom, lastRun, problems);
    }

    /** The newest run that is not still at work. */
    private Optional<WarehouseStatus.Run> lastRun(WarehouseStatus status) {
        return status.recentRuns().stream()
                .filter(run -> runningMeansInterrupted || !"running".equals(run.outcome()))
                .findFirst();
    }

    private Optional<Problem> problemOf(WarehouseStatus.Run run) {
        switch (run.outcome()) {
            case "failed":
                return Optional.of(new Problem.LastRunFailed(run));
            case "refused":
                return Optional.of(new Problem.LastRunRefused(run));
            case "interrupted":
            case "running":
                return Optional.of(new Problem.LastRunInterrupted(run));
            default:
                return Optional.empty();
        }
    }

    private static boolean olderThan(LocalDateTime time, LocalDateTime asOf, Duration limit) {
        return Duration.between(time, asOf).compareTo(limit) > 0;
    }
}
