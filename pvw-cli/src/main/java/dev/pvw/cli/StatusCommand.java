package dev.pvw.cli;

import dev.pvw.state.FreshnessLimits;
import dev.pvw.state.HealthCheck;
import dev.pvw.state.HealthReport;
import dev.pvw.state.StatusReader;
import dev.pvw.state.WarehouseStatus;
import dev.pvw.warehouse.Warehouse;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pvw status}: the ledgers, gaps, quarantine and recent runs of a warehouse, and its health. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Show the last accepted users snapshot, the last pageview hours loaded, hours missing between the first and"
                    + " the last loaded hour, quarantined rows by reason and by run, the last runs, and the health check.",
            "The health check finds: an hour between the first and the last loaded hour with no batch; a newest"
                    + " pageview hour that ended more than --max-batch-age before --as-of; a newest users snapshot"
                    + " effective more than --max-snapshot-age before --as-of; a last run that failed, was refused"
                    + " (pvw run exited 3) or was interrupted.",
            "Only reads: never creates or changes the warehouse.",
            "With --check, print only the health check, one line per problem, and exit 1 if there is any; or one"
                    + " line starting with OK, and exit 0. For monitoring: see docs/scheduling.md."
        })
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    private PvwCommand pvw;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--check",
            description = "Print only the health check: one line per problem and exit 1, or one OK line and exit 0.")
    private boolean check;

    @Option(
            names = "--as-of",
            paramLabel = "TIMESTAMP",
            converter = TimestampConverter.class,
            description = "The time to measure the age of the data at, UTC (default: now).")
    private LocalDateTime asOf;

    @Option(
            names = "--max-batch-age",
            paramLabel = "DURATION",
            defaultValue = "2h",
            converter = DurationConverter.class,
            description =
                    "How long before --as-of the newest pageview hour may have ended (default: ${DEFAULT-VALUE}).")
    private Duration maxBatchAge;

    @Option(
            names = "--max-snapshot-age",
            paramLabel = "DURATION",
            defaultValue = "26h",
            converter = DurationConverter.class,
            description = "How long before --as-of the newest users snapshot may have taken effect (00:00 of its day)"
                    + " (default: ${DEFAULT-VALUE}).")
    private Duration maxSnapshotAge;

    @Override
    public Integer call() {
        LocalDateTime checkedAt =
                asOf != null ? asOf : LocalDateTime.now(pvw.context().clock()).truncatedTo(ChronoUnit.SECONDS);
        // Version 2 added the retention columns that the quarantine part of the status reads.
        try (Warehouse warehouse = pvw.openWarehouseForReading(2)) {
            WarehouseStatus status = new StatusReader(warehouse).read();
            HealthReport health = new HealthCheck(
                            new FreshnessLimits(maxBatchAge, maxSnapshotAge),
                            warehouse.dialect().locksWarehouseOnOpen())
                    .check(status, checkedAt);
            PrintWriter out = spec.commandLine().getOut();
            if (check) {
                health.lines().forEach(out::println);
                return health.healthy() ? ExitCodes.OK : ExitCodes.FAILURE;
            }
            print(out, warehouse, status);
            out.printf("%nHealth (--check)%n");
            health.lines().forEach(line -> out.printf("  %s%n", line));
            return ExitCodes.OK;
        }
    }

    private static void print(PrintWriter out, Warehouse warehouse, WarehouseStatus status) {
        out.printf("Warehouse: %s%n%n", warehouse.url());

        out.println("Users snapshot");
        status.lastSnapshot()
                .ifPresentOrElse(
                        snapshot -> out.printf(
                                "  last accepted: #%d effective %s: %d users (%d new, %d moved, %d returned, %d deleted),"
                                        + " %d rows quarantined%n",
                                snapshot.snapshotId(),
                                snapshot.effectiveFrom().toLocalDate(),
                                snapshot.users(),
                                snapshot.newUsers(),
                                snapshot.movedUsers(),
                                snapshot.returnedUsers(),
                                snapshot.deletedUsers(),
                                snapshot.quarantinedRows()),
                        () -> out.println("  none accepted yet"));

        out.printf("%nPageview hours%n");
        if (status.firstHour().isEmpty()) {
            out.println("  none loaded yet");
        } else {
            out.printf(
                    "  loaded: %d hours from %s to %s; missing: %d%n",
                    status.loadedHours(),
                    Timestamps.format(status.firstHour().get()),
                    Timestamps.format(status.lastHour().get()),
                    status.missingHours());
            for (WarehouseStatus.Gap gap : status.gaps()) {
                out.printf(
                        "  gap: %s to %s (%d hours)%n",
                        Timestamps.format(gap.firstMissing()),
                        Timestamps.format(gap.lastMissing()),
                        gap.missingHours());
            }
            out.println("  last hours:");
            for (WarehouseStatus.Batch batch : status.recentBatches()) {
                out.printf(
                        "    %s  %,d pageviews, %,d rows quarantined (run %d)%n",
                        Timestamps.format(batch.hour()), batch.countedRows(), batch.quarantinedRows(), batch.runId());
            }
        }

        out.printf("%nQuarantine%n");
        if (status.quarantine().isEmpty()) {
            out.println("  empty");
        }
        for (WarehouseStatus.QuarantineCount count : status.quarantine()) {
            out.printf("  %-9s %-24s %,d rows%n", count.source(), count.reason(), count.rows());
        }
        if (!status.quarantineByRun().isEmpty()) {
            out.println("  by run (latest first; pvw quarantine --run ID lists the rows):");
        }
        for (WarehouseStatus.QuarantineRun run : status.quarantineByRun()) {
            out.printf(
                    "    #%d as of %s: %,d pageview rows, %,d user rows%n",
                    run.runId(),
                    run.asOf() == null ? "(unknown)" : Timestamps.format(run.asOf()),
                    run.pageviewRows(),
                    run.userRows());
        }
        if (status.purgedQuarantineRows() > 0) {
            out.printf("  deleted by retention so far: %,d rows%n", status.purgedQuarantineRows());
        }

        out.printf("%nLast runs%n");
        if (status.recentRuns().isEmpty()) {
            out.println("  none yet");
        }
        for (WarehouseStatus.Run run : status.recentRuns()) {
            out.printf("  #%d as of %s: %s%n", run.runId(), Timestamps.format(run.asOf()), outcome(warehouse, run));
            if (run.usersOutcome() != null) {
                out.printf("      %s%n      %s%n", run.usersOutcome(), run.pageviewsOutcome());
            } else if (run.message() != null) {
                out.printf("      %s%n", run.message());
            }
        }
    }

    /**
     * A run still marked running is interrupted (killed part-way) when no other process can be running: on an engine
     * whose warehouse admits one process at a time, this one. The next run records it so.
     */
    private static String outcome(Warehouse warehouse, WarehouseStatus.Run run) {
        if ("running".equals(run.outcome()) && warehouse.dialect().locksWarehouseOnOpen()) {
            return "interrupted (stopped before it finished; nothing of it was committed)";
        }
        return run.outcome();
    }
}
