package dev.pvw.cli;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.quality.Check;
import dev.pvw.quality.CheckReport;
import dev.pvw.quality.CheckResult;
import dev.pvw.quality.CheckScope;
import dev.pvw.quality.WarehouseChecks;
import dev.pvw.warehouse.SchemaMigrator;
import dev.pvw.warehouse.Warehouse;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pvw check}: the data-quality checks every run makes before it commits, on demand. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Check the warehouse's invariants: the history (versions of a user never overlap, leave no hole, exactly one"
                    + " is open), the ledgers against the fact and the quarantine (per batch, counted + quarantined ="
                    + " the rows its extract held), the marts against the fact (per hour and postcode, unique keys),"
                    + " and the current mart against each user's current postcode.",
            "Without --full, checks what the last committed run touched, as that run did before committing; with"
                    + " --full, everything. Exits 1 when a check fails, naming it. Only reads: never creates or changes the"
                    + " warehouse."
        })
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    private PvwCommand pvw;

    @Spec
    private CommandSpec spec;

    @Option(names = "--full", description = "Check everything, not only what the last run touched.")
    private boolean full;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Warehouse warehouse = pvw.openWarehouseForReading(SchemaMigrator.LATEST)) {
            Optional<CheckReport> checked = warehouse.readingOneMoment(
                    () -> scope(warehouse).map(scope -> new WarehouseChecks(warehouse).check(scope)));
            if (checked.isEmpty()) {
                out.printf(
                        "No run has committed on %s yet, so there is nothing it touched to check;"
                                + " pvw check --full checks everything.%n",
                        warehouse.url());
                return ExitCodes.OK;
            }
            CheckReport report = checked.get();
            print(out, warehouse, report);
            if (!report.passed()) {
                throw new PvwException(
                        ErrorCode.FAILURE,
                        "The warehouse failed " + report.failures().size() + " of "
                                + report.results().size()
                                + " checks: " + report.failureClause() + "; see 'Checks' in docs/design.md for what"
                                + " each check means, then repair the warehouse or restore it from a backup.");
            }
            return ExitCodes.OK;
        }
    }

    private Optional<CheckScope> scope(Warehouse warehouse) {
        if (full) {
            return Optional.of(new CheckScope.Everything());
        }
        return warehouse
                .queryOptional("quality/last_run", Map.of(), row -> row.getLong("run_id"))
                .map(runId -> new CheckScope.CommittedRun(runId));
    }

    private static void print(PrintWriter out, Warehouse warehouse, CheckReport report) {
        out.printf(
                "Checks of %s over %s (%d ms)%n",
                warehouse.url(), report.scope(), report.elapsed().toMillis());
        int width = 0;
        for (Check check : Check.values()) {
            width = Math.max(width, check.checkName().length());
        }
        for (CheckResult result : report.results()) {
            boolean passed = result instanceof CheckResult.Passed;
            out.printf(
                    "  %-6s  %-" + width + "s  %s%n",
                    passed ? "ok" : "FAILED",
                    result.check().checkName(),
                    result.check().rule());
            if (result instanceof CheckResult.Failed failed) {
                for (String problem : failed.problems()) {
                    out.printf("          - %s%n", problem);
                }
                if (failed.more()) {
                    out.printf("          - and more%n");
                }
            }
        }
        out.printf(
                report.passed() ? "All %2$d checks passed.%n" : "%d of %d checks failed.%n",
                report.failures().size(),
                report.results().size());
    }
}
