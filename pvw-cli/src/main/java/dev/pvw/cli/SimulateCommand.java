package dev.pvw.cli;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.pipeline.BatchOutcome;
import dev.pvw.pipeline.Pipeline;
import dev.pvw.simulate.DayProgress;
import dev.pvw.simulate.ExtractGenerator;
import dev.pvw.simulate.SimulatedRun;
import dev.pvw.simulate.SimulatedSchedule;
import dev.pvw.simulate.SimulationSettings;
import dev.pvw.warehouse.SchemaMigrator;
import dev.pvw.warehouse.Warehouse;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pvw simulate}: lands realistic synthetic extracts hour by hour and runs the pipeline after each. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Fill a new warehouse with --days days of realistic synthetic traffic: each extract is landed as the"
                    + " extract processes would (truncate, then load), and a run follows as the scheduler would, every"
                    + " hour at HH:05 (at 00:05 with the day's users extract too).",
            "Users move, join and leave at the given daily rates; pageviews follow a daily curve, come in sessions of"
                    + " several pages from users of skewed activity, favour some pages, and carry a few bad rows;"
                    + " postcodes are drawn from up to 3,000 districts, a few of them popular. Generated set-based"
                    + " inside DuckDB (on PostgreSQL and Spark in a scratch DuckDB in the temporary folder, each extract"
                    + " then loaded through a file); the same seed gives the same extracts. The brief's scale is --users 20000000"
                    + " --pageviews-per-day 100000000."
        })
final class SimulateCommand implements Callable<Integer> {
    private static final SettingNames SETTING_NAMES = new SettingNames(Map.of(
            "days", "--days",
            "users", "--users",
            "pageviewsPerDay", "--pageviews-per-day",
            "districts", "--districts",
            "moveRate", "--move-rate",
            "newUserRate", "--new-rate",
            "deleteRate", "--delete-rate",
            "returnRate", "--return-rate",
            "badRowRate", "--bad-row-rate"));

    /** Loggers whose INFO lines, several per run, would bury the progress bar. */
    private static final List<String> CHATTY_LOGGERS = List.of("dev.pvw.pipeline", "dev.pvw.warehouse.SchemaMigrator");

    @ParentCommand
    private PvwCommand pvw;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--days",
            paramLabel = "N",
            defaultValue = "7",
            description = "Days of traffic (default: ${DEFAULT-VALUE}).")
    private int days;

    @Option(
            names = "--users",
            paramLabel = "N",
            defaultValue = "200000",
            description = "Users in the first users extract (default: ${DEFAULT-VALUE}).")
    private long users;

    @Option(
            names = "--pageviews-per-day",
            paramLabel = "N",
            defaultValue = "1000000",
            description = "Pageviews on an average day (default: ${DEFAULT-VALUE}).")
    private long pageviewsPerDay;

    @Option(
            names = "--districts",
            paramLabel = "N",
            defaultValue = "3000",
            description = "Postcode districts users live in, 2 to 3000 (default: ${DEFAULT-VALUE}).")
    private int districts;

    @Option(
            names = "--move-rate",
            paramLabel = "RATE",
            defaultValue = "0.01",
            description = "Share of users who move to another district each day (default: ${DEFAULT-VALUE}).")
    private double moveRate;

    @Option(
            names = "--new-rate",
            paramLabel = "RATE",
            defaultValue = "0.005",
            description = "New users each day, per existing user (default: ${DEFAULT-VALUE}).")
    private double newUserRate;

    @Option(
            names = "--delete-rate",
            paramLabel = "RATE",
            defaultValue = "0.001",
            description = "Share of users deleted each day (default: ${DEFAULT-VALUE}).")
    private double deleteRate;

    @Option(
            names = "--return-rate",
            paramLabel = "RATE",
            defaultValue = "0.01",
            description = "Share of deleted users who come back each day (default: ${DEFAULT-VALUE}).")
    private double returnRate;

    @Option(
            names = "--bad-row-rate",
            paramLabel = "RATE",
            defaultValue = "0.1",
            description =
                    "Bad rows of each kind in an hour's pageviews extract, on average (default: ${DEFAULT-VALUE}).")
    private double badRowRate;

    @Option(
            names = "--start",
            paramLabel = "DATE",
            description = "First day of traffic, such as 2026-01-01 (default: --days days before today, so that the"
                    + " last run is at 00:05 today).")
    private LocalDate start;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "1",
            description = "Seed of the random draws (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--no-progress", description = "Do not draw the progress bar on stderr.")
    private boolean noProgress;

    @Override
    public Integer call() {
        SimulationSettings settings = settings();
        PrintWriter err = spec.commandLine().getErr();
        QuietLogs quiet = pvw.verbose() ? QuietLogs.none() : QuietLogs.warningsOnly(CHATTY_LOGGERS);
        long started = System.nanoTime();
        try (quiet;
                Warehouse warehouse = pvw.openWarehouse()) {
            new SchemaMigrator(warehouse, pvw.context().clock()).migrate();
            Pipeline pipeline = new Pipeline(warehouse, pvw.context().clock(), pvw.lockWait());
            Tally tally = new Tally();
            try (ExtractGenerator generator = ExtractGenerator.start(warehouse, settings)) {
                SimulatedSchedule schedule = new SimulatedSchedule(generator, pipeline, false);
                try (Progress progress =
                        Progress.of(err, "Simulating", schedule.plannedRuns(), "runs", !noProgress && !pvw.verbose())) {
                    schedule.run(new SimulatedSchedule.Listener() {
                        @Override
                        public void onRun(SimulatedRun run) {
                            tally.add(run);
                            progress.step(String.format(
                                    "as of %s, %,d pageviews",
                                    Timestamps.format(run.report().asOf()), tally.counted));
                        }

                        @Override
                        public void onDay(DayProgress day) {}
                    });
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Simulated %d %s from %s on %s: %d runs, %,d pageviews counted in %.1f s (%,.0f pageviews/s"
                                    + " landed and run); last run %.2f s.%n",
                            settings.days(),
                            settings.days() == 1 ? "day" : "days",
                            settings.firstDay(),
                            warehouse.url(),
                            tally.runs,
                            tally.counted,
                            seconds,
                            tally.counted / seconds,
                            tally.lastRunSeconds);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    private SimulationSettings settings() {
        LocalDate firstDay =
                start != null ? start : LocalDate.now(pvw.context().clock()).minusDays(days);
        try {
            return new SimulationSettings(
                    seed,
                    firstDay,
                    days,
                    users,
                    pageviewsPerDay,
                    districts,
                    moveRate,
                    newUserRate,
                    deleteRate,
                    returnRate,
                    badRowRate);
        } catch (IllegalArgumentException e) {
            throw new PvwException(ErrorCode.USAGE, SETTING_NAMES.inOptions(e.getMessage()));
        }
    }

    /** What the runs so far add up to. */
    private static final class Tally {
        private int runs;
        private long counted;
        private double lastRunSeconds;

        void add(SimulatedRun run) {
            runs++;
            lastRunSeconds = run.elapsed().toNanos() / 1e9;
            if (run.report().pageviews() instanceof BatchOutcome.Loaded loaded) {
                counted += loaded.countedRows();
            }
        }
    }
}
