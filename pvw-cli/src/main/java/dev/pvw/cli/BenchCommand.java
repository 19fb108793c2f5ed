package dev.pvw.cli;

import dev.pvw.ProcessTimeline;
import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.bench.BenchEngine;
import dev.pvw.bench.BenchListener;
import dev.pvw.bench.BenchReport;
import dev.pvw.bench.BenchResults;
import dev.pvw.bench.BenchSettings;
import dev.pvw.bench.Benchmark;
import dev.pvw.bench.FreshProcess;
import dev.pvw.bench.GrowthChart;
import dev.pvw.warehouse.WarehouseUrl;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code pvw bench}: measures the pipeline and the marts at a chosen share of the brief's scale, on DuckDB, PostgreSQL
 * or Spark.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measure pvw at a share of the brief's scale (20M users, 100M pageviews a day), in one run on simulated"
                    + " data, on DuckDB (the default), PostgreSQL or Spark (--engine), and report each target of"
                    + " docs/performance.md as met or not.",
            "Growth: --growth-days days at --growth-scale, every run timed, then the BI queries for both questions at"
                    + " grains hour, day and month over 1 day, 28 days and all data, from the marts and from the naive"
                    + " join of the fact with the history, with the speed-up.",
            "Steps: --days days of history at --scale, then the hourly step on batches of a 24th of a day against its"
                    + " bare minimum (append, aggregate once), and the daily users step (1%% moved, 0.5%% new, 0.1%%"
                    + " deleted) against its bare minimum (one full outer join), then the BI queries over 1 day and"
                    + " all data, from the marts and from the naive join; and the process's peak memory.",
            "Prints the results as markdown and writes bench.md and " + BenchReport.CHART_FILE + " (the growth"
                    + " curves) to --output. The warehouses go to --data-dir (on PostgreSQL, databases pvw_bench_growth"
                    + " and pvw_bench_brief on the server of --server) and are deleted at the end. The brief's scale on"
                    + " DuckDB needs about 8 GB of disk and 20 to 30 minutes on 2 cores; --warehouse does not apply."
        })
final class BenchCommand implements Callable<Integer> {
    static final String REPORT_FILE = "bench.md";

    /** The environment variable in which {@code ./pvw} names itself, for the benchmark's fresh processes. */
    static final String LAUNCHER = "PVW_LAUNCHER";

    /** Loggers whose INFO lines, several per run, would bury the progress bar. */
    private static final List<String> CHATTY_LOGGERS = List.of("dev.pvw.pipeline", "dev.pvw.warehouse.SchemaMigrator");

    private static final SettingNames SETTING_NAMES = new SettingNames(Map.of(
            "scale", "--scale",
            "growthScale", "--growth-scale",
            "days", "--days",
            "growthDays", "--growth-days",
            "repetitions", "--repetitions",
            "memoryLimit", "--memory-limit",
            "dataDirectory", "--data-dir"));

    @ParentCommand
    private PvwCommand pvw;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--engine",
            paramLabel = "ENGINE",
            defaultValue = "duckdb",
            converter = EngineConverter.class,
            description = "duckdb, postgresql or spark: the engine measured (default: ${DEFAULT-VALUE}). Spark runs in"
                    + " local mode on this machine's cores.")
    private BenchEngine engine;

    @Option(
            names = "--server",
            paramLabel = "URL",
            description =
                    "With --engine postgresql: a database of the server, jdbc:postgresql://HOST:PORT/DB?user=USER,"
                            + " whose role may create databases; the password as for --warehouse.")
    private String server;

    @Option(
            names = "--scale",
            paramLabel = "SHARE",
            defaultValue = "1",
            description = "Share of the brief's volumes for the steps (default: ${DEFAULT-VALUE}, the brief's scale).")
    private double scale;

    @Option(
            names = "--growth-scale",
            paramLabel = "SHARE",
            description = "Share of the brief's volumes for the growth curves and BI queries (default: a tenth of"
                    + " --scale).")
    private Double growthScale;

    @Option(
            names = "--days",
            paramLabel = "N",
            defaultValue = "1",
            description = "Days of history at --scale before the steps are timed (default: ${DEFAULT-VALUE}).")
    private int days;

    @Option(
            names = "--growth-days",
            paramLabel = "N",
            defaultValue = "28",
            description = "Days simulated at --growth-scale (default: ${DEFAULT-VALUE}).")
    private int growthDays;

    @Option(
            names = "--repetitions",
            paramLabel = "N",
            defaultValue = "5",
            description =
                    "Times each step and mart query is timed; the median is reported (default: ${DEFAULT-VALUE}).")
    private int repetitions;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "1",
            description = "Seed of the simulated data (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = "bench-data",
            description = "Where the benchmark's warehouses and DuckDB's spill files go (default: ${DEFAULT-VALUE}).")
    private Path dataDirectory;

    @Option(
            names = "--output",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Where " + REPORT_FILE + " and " + BenchReport.CHART_FILE
                    + " are written (default: the working directory).")
    private Path outputDirectory;

    @Option(
            names = "--memory-limit",
            paramLabel = "SIZE",
            defaultValue = "4GB",
            description = "DuckDB's memory_limit; beyond it DuckDB spills to --data-dir (default: ${DEFAULT-VALUE}).")
    private String memoryLimit;

    @Option(names = "--keep-data", description = "Keep the benchmark's warehouses in --data-dir.")
    private boolean keepData;

    @Option(names = "--no-progress", description = "Do not draw the progress bars on stderr.")
    private boolean noProgress;

    @Override
    public Integer call() {
        BenchSettings settings = settings();
        PrintWriter err = spec.commandLine().getErr();
        BenchResults results;
        try (QuietLogs quiet = pvw.verbose() ? QuietLogs.none() : QuietLogs.warningsOnly(CHATTY_LOGGERS);
                BenchProgress progress = new BenchProgress(err, !noProgress && !pvw.verbose())) {
            results = new Benchmark(settings, pvw.context().clock(), progress, Optional.of(freshProcess())).run();
        }
        BenchReport report = new BenchReport(
                results,
                "pvw " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        String markdown = report.markdown();
        Path page = settings.outputDirectory().resolve(REPORT_FILE);
        Path chart = settings.outputDirectory().resolve(BenchReport.CHART_FILE);
        write(page, markdown);
        GrowthChart.write(results.growth(), chart);
        spec.commandLine().getOut().print(markdown);
        spec.commandLine().getOut().flush();
        long missed = report.targets().stream().filter(target -> !target.met()).count();
        err.printf(
                "Wrote %s and %s; %d of %d targets met.%n",
                page, chart, report.targets().size() - missed, report.targets().size());
        err.flush();
        return ExitCodes.OK;
    }

    /**
     * How the benchmark starts pvw as a scheduler would: through the {@code ./pvw} script when it runs under it (which
     * names itself in {@value #LAUNCHER}), so that the processes get what its users get; else with this JVM's java,
     * options and class path.
     */
    private FreshProcess freshProcess() {
        String launcher = pvw.context().environment().get(LAUNCHER);
        if (launcher != null && !launcher.isBlank()) {
            return new FreshProcess(List.of(launcher), launcher, true, pvw.verbose());
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> !option.startsWith("-XX:ArchiveClassesAtExit")
                        && !option.startsWith("-agentlib")
                        && !option.startsWith("-javaagent")
                        && !option.startsWith("-D" + ProcessTimeline.PROPERTY + "="))
                .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        return new FreshProcess(
                command, "java -cp <this JVM's class path> " + Main.class.getName(), false, pvw.verbose());
    }

    private BenchSettings settings() {
        Path working = pvw.context().workingDirectory();
        Path output = working.resolve(outputDirectory).normalize();
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            throw new PvwException(
                    ErrorCode.USAGE,
                    "Cannot create the output folder " + output + " (" + e.getMessage()
                            + "); give --output a folder you can write to.");
        }
        try {
            return new BenchSettings(
                    scale,
                    growthScale != null ? growthScale : scale / 10,
                    days,
                    growthDays,
                    repetitions,
                    seed,
                    working.resolve(dataDirectory).normalize(),
                    output,
                    memoryLimit,
                    keepData,
                    engine,
                    serverUrl());
        } catch (IllegalArgumentException e) {
            throw new PvwException(ErrorCode.USAGE, SETTING_NAMES.inOptions(e.getMessage()));
        }
    }

    private Optional<WarehouseUrl> serverUrl() {
        if (engine == BenchEngine.POSTGRESQL && server == null) {
            throw new PvwException(
                    ErrorCode.USAGE,
                    "The benchmark on PostgreSQL needs a server: give --server jdbc:postgresql://HOST:PORT/DB?user=USER"
                            + " of a role that may create databases.");
        }
        if (engine != BenchEngine.POSTGRESQL && server != null) {
            throw new PvwException(
                    ErrorCode.USAGE,
                    "--server is for --engine postgresql only; leave it out on " + engine.argument() + ".");
        }
        return Optional.ofNullable(server).map(WarehouseUrl::parse);
    }

    /** Reads --engine in any case, naming the engines on a mistake. */
    static final class EngineConverter implements ITypeConverter<BenchEngine> {
        @Override
        public BenchEngine convert(String value) {
            for (BenchEngine candidate : BenchEngine.values()) {
                if (candidate.argument().equalsIgnoreCase(value)) {
                    return candidate;
                }
            }
            throw new TypeConversionException("'" + value + "' is not an engine: give duckdb, postgresql or spark.");
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "Cannot write " + file + " (" + e.getMessage() + "); give --output a folder you can write to.",
                    e);
        }
    }

    /** One progress bar per phase of the benchmark, each named on a line of its own. */
    private static final class BenchProgress implements BenchListener, AutoCloseable {
        private final PrintWriter err;
        private final boolean shown;
        private Progress current = null;

        BenchProgress(PrintWriter err, boolean shown) {
            this.err = err;
            this.shown = shown;
        }

        @Override
        public void phaseStarted(String phase, long steps) {
            phaseDone();
            if (shown) {
                err.println(phase);
                err.flush();
            }
            current = Progress.of(err, "  ", steps, "steps", shown);
        }

        @Override
        public void stepDone(String status) {
            if (current != null) {
                current.step(status);
            }
        }

        @Override
        public void phaseDone() {
            if (current != null) {
                current.close();
                current = null;
            }
        }

        @Override
        public void close() {
            phaseDone();
        }
    }
}
