package dev.pvw.cli;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.pipeline.Pipeline;
import dev.pvw.pipeline.SnapshotOutcome;
import dev.pvw.query.Grain;
import dev.pvw.query.MartQuery;
import dev.pvw.simulate.DayProgress;
import dev.pvw.simulate.ExtractGenerator;
import dev.pvw.simulate.SimulatedRun;
import dev.pvw.simulate.SimulatedSchedule;
import dev.pvw.simulate.SimulationSettings;
import dev.pvw.warehouse.Mart;
import dev.pvw.warehouse.SchemaMigrator;
import dev.pvw.warehouse.Warehouse;
import dev.pvw.warehouse.WarehouseUrl;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pvw demo}: builds a demo warehouse from simulated extracts, run as the scheduler would, and shows it. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Build " + DemoCommand.DATABASE_FILE + " in the working directory (replacing an earlier one) from three"
                    + " days of synthetic extracts for a few thousand users: postcode moves, new, deleted and returning"
                    + " users, and a few bad rows.",
            "Each extract is landed as the extract processes would (truncate, then load) and followed by a run as the"
                    + " scheduler would, every hour at HH:05. Then both answers are printed by day for the busiest"
                    + " postcodes, with the query commands to explore further. --warehouse does not apply."
        })
final class DemoCommand implements Callable<Integer> {
    static final String DATABASE_FILE = "demo.duckdb";

    /** Loggers whose INFO lines, several per run, would bury the demo's one line per simulated day. */
    private static final List<String> CHATTY_LOGGERS = List.of("dev.pvw.pipeline", "dev.pvw.warehouse.SchemaMigrator");

    @ParentCommand
    private PvwCommand pvw;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        CliContext context = pvw.context();
        Path database = context.workingDirectory().resolve(DATABASE_FILE);
        removeEarlierDemo(database);
        SimulationSettings settings = SimulationSettings.demoClosingOn(LocalDate.now(context.clock()));
        PrintWriter err = spec.commandLine().getErr();
        err.printf(
                "Building %s: %d days of synthetic extracts for %,d users from %s, each landed and run as the"
                        + " scheduler would, every hour at HH:05.%n",
                database, settings.days(), settings.users(), settings.firstDay());
        err.flush();
        long started = System.nanoTime();
        QuietLogs quiet = pvw.verbose() ? QuietLogs.none() : QuietLogs.warningsOnly(CHATTY_LOGGERS);
        try (quiet;
                Warehouse warehouse = pvw.openWarehouse(WarehouseUrl.parse("jdbc:duckdb:" + database))) {
            new SchemaMigrator(warehouse, context.clock()).migrate();
            Pipeline pipeline = new Pipeline(warehouse, context.clock(), pvw.lockWait());
            int runs;
            try (ExtractGenerator generator = ExtractGenerator.start(warehouse, settings)) {
                runs = new SimulatedSchedule(generator, pipeline, false).run(new SimulatedSchedule.Listener() {
                    @Override
                    public void onRun(SimulatedRun run) {}

                    @Override
                    public void onDay(DayProgress day) {
                        printProgress(err, day);
                    }
                });
            }
            err.printf("Done: %d runs in %.1f s.%n%n", runs, (System.nanoTime() - started) / 1e9);
            err.flush();

            MartQuery query = new MartQuery(warehouse);
            new DemoReport(
                            query.periods(Mart.CURRENT, Grain.DAY, null, null, null),
                            query.periods(Mart.AT_VIEW, Grain.DAY, null, null, null),
                            "--warehouse jdbc:duckdb:" + DATABASE_FILE)
                    .print(spec.commandLine().getOut());
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private static void removeEarlierDemo(Path database) {
        for (Path file : List.of(database, database.resolveSibling(DATABASE_FILE + ".wal"))) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new PvwException(
                        ErrorCode.FAILURE,
                        "Cannot remove the earlier demo file " + file + " (" + e.getMessage()
                                + "); remove it by hand, or run the demo in another folder.",
                        e);
            }
        }
    }

    private static void printProgress(PrintWriter err, DayProgress day) {
        err.printf(
                "  %s: %-7s %,7d pageviews counted, %,3d rows quarantined; %s; %.1f s%n",
                day.day(),
                day.runs() + (day.runs() == 1 ? " run," : " runs,"),
                day.pageviewsCounted(),
                day.rowsQuarantined(),
                users(day.users()),
                day.elapsed().toMillis() / 1e3);
        err.flush();
    }

    private static String users(SnapshotOutcome outcome) {
        if (outcome instanceof SnapshotOutcome.Accepted accepted) {
            return String.format(
                    "users: %,d (%,d new, %,d moved, %,d deleted, %,d returned)",
                    accepted.users(),
                    accepted.newUsers(),
                    accepted.movedUsers(),
                    accepted.deletedUsers(),
                    accepted.returnedUsers());
        }
        return outcome.describe();
    }
}
