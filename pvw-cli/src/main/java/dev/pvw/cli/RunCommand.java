package dev.pvw.cli;

import dev.pvw.ProcessTimeline;
import dev.pvw.ProcessTimeline.Stage;
import dev.pvw.pipeline.Pipeline;
import dev.pvw.pipeline.QuarantineRetention;
import dev.pvw.pipeline.RunReport;
import dev.pvw.pipeline.SnapshotOutcome;
import dev.pvw.warehouse.Warehouse;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pvw run}: processes whatever the extract tables hold now. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Process whatever the extract tables hold now, in one transaction: a changed users extract becomes a"
                    + " snapshot effective from 00:00 of the --as-of day; the pageviews extract becomes the batch of"
                    + " the hour most of its rows fall in (replacing an earlier batch for that hour).",
            "Before committing, it checks what it touched (the history of the users it changed, the ledger of its"
                    + " batch, both marts in the batch's hours) and deletes quarantined rows older than the retention;"
                    + " a failed check stops the run with nothing committed.",
            "Creates the warehouse's tables first if they are missing, and says so if an extract table was."
        })
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    private PvwCommand pvw;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--as-of",
            paramLabel = "TIMESTAMP",
            converter = TimestampConverter.class,
            description = "The run's logical time, UTC (default: now). Pageviews later than it are quarantined.")
    private LocalDateTime asOf;

    @Option(
            names = "--allow-shrink",
            description = "Accept a users snapshot with fewer than half the ids of the last accepted one.")
    private boolean allowShrink;

    @Option(
            names = "--quarantine-retention-days",
            paramLabel = "DAYS",
            defaultValue = "90",
            description = "Delete quarantined rows of runs that started more than DAYS ago (1 to 36500;"
                    + " default: ${DEFAULT-VALUE}).")
    private int quarantineRetentionDays;

    @Override
    public Integer call() {
        LocalDateTime logicalTime =
                asOf != null ? asOf : LocalDateTime.now(pvw.context().clock()).truncatedTo(ChronoUnit.SECONDS);
        QuarantineRetention retention = new QuarantineRetention(quarantineRetentionDays);
        int exitCode;
        try (Warehouse warehouse = pvw.openWarehouse()) {
            ProcessTimeline.mark(Stage.OPENED);
            RunReport report = new Pipeline(warehouse, pvw.context().clock(), pvw.lockWait())
                    .run(logicalTime, allowShrink, retention);
            ProcessTimeline.mark(Stage.WORK_DONE);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    "Run %d as of %s on %s: %s.%n",
                    report.runId(), Timestamps.format(logicalTime), warehouse.url(), report.outcome());
            for (String notice : report.notices()) {
                out.printf("  notice:     %s.%n", notice);
            }
            out.printf("  users:      %s%n", report.users().describe());
            out.printf("  pageviews:  %s%n", report.pageviews().describe());
            out.printf("  quarantine: %s%n", report.quarantine().describe());
            out.printf(
                    "  checks:     %d passed in %d ms (%s)%n",
                    report.checks().results().size(),
                    report.checks().elapsed().toMillis(),
                    report.checks().scope());
            exitCode = ExitCodes.OK;
            if (report.users() instanceof SnapshotOutcome.Refused refused) {
                spec.commandLine().getErr().printf("Users snapshot refused: %s.%n", refused.reason());
                exitCode = ExitCodes.REFUSED;
            }
        }
        ProcessTimeline.mark(Stage.CLOSED);
        return exitCode;
    }
}
