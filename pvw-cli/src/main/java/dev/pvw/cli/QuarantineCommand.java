package dev.pvw.cli;

import dev.pvw.state.QuarantineReader;
import dev.pvw.state.QuarantineReason;
import dev.pvw.state.QuarantinedRow;
import dev.pvw.warehouse.Warehouse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pvw quarantine}: the rows runs rejected, with the reason and the run that saw them. */
@Command(
        name = "quarantine",
        mixinStandardHelpOptions = true,
        description = {
            "List quarantined rows of both extracts as the runs read them, with the reason and the run that saw them:"
                    + " source, run_id, batch_id (pageviews) or snapshot_id (users), reason, user_id, postcode, url,"
                    + " pageview_datetime.",
            "Runs delete rows older than their --quarantine-retention-days (default 90). Only reads: never creates or"
                    + " changes the warehouse."
        })
final class QuarantineCommand implements Callable<Integer> {
    @ParentCommand
    private PvwCommand pvw;

    @Spec
    private CommandSpec spec;

    @Option(names = "--run", paramLabel = "ID", description = "Only rows quarantined by this run.")
    private Long runId;

    @Option(
            names = "--reason",
            paramLabel = "R",
            description = "Only rows of this reason: null_user_id, null_pageview_datetime, pageview_after_as_of"
                    + " (pageviews), null_id or conflicting_postcodes (users).")
    private String reason;

    @Option(
            names = "--format",
            defaultValue = "table",
            paramLabel = "table|csv|json",
            description = "Output: an aligned table (default; control characters escaped, long values cut), CSV"
                    + " with a header, or a JSON array; CSV and JSON carry every value as it is.")
    private String format;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "1000",
            description = "List at most N rows (default: ${DEFAULT-VALUE}); says so when there are more.")
    private int limit;

    @Override
    public Integer call() {
        QuarantineFormat output =
                Choices.parse(spec.commandLine(), QuarantineFormat.class, format, "--format", "table, csv or json");
        Optional<QuarantineReason> byReason = Optional.ofNullable(reason).map(this::reason);
        if (runId != null && runId < 1) {
            throw new ParameterException(spec.commandLine(), "--run must be a run id (1 or more), not " + runId + ".");
        }
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be 1 or more, not " + limit + ".");
        }
        try (Warehouse warehouse = pvw.openWarehouseForReading(1)) {
            QuarantineReader reader = new QuarantineReader(warehouse);
            Optional<Long> byRun = Optional.ofNullable(runId);
            List<QuarantinedRow> rows = reader.list(byRun, byReason, limit);
            output.write(rows, spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            if (rows.size() == limit) {
                long total = reader.count(byRun, byReason);
                if (total > limit) {
                    spec.commandLine()
                            .getErr()
                            .printf(
                                    "Listed the first %,d of %,d quarantined rows; give --limit to list more.%n",
                                    limit, total);
                }
            }
            return ExitCodes.OK;
        }
    }

    private QuarantineReason reason(String word) {
        return QuarantineReason.of(word)
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(),
                        "Unknown --reason '" + word + "'; use one of " + QuarantineReason.words() + "."));
    }
}
