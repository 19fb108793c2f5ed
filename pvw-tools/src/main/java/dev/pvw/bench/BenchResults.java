package dev.pvw.bench;

import static java.util.Objects.requireNonNull;

import dev.pvw.ProcessTimeline.Stage;
import dev.pvw.query.Grain;
import dev.pvw.warehouse.Mart;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything one benchmark run measured.
 *
 * @param engine the engine's version string
 * @param before the machine when the run started
 * @param after the machine when it ended (its load average)
 * @param brief the steps at the chosen scale
 * @param growth the growth curves and the BI queries at the growth scale
 * @param peakMemoryBytes the process's peak resident memory (VmHWM), empty where unknown
 * @param elapsed the whole run
 * @param fresh the steps as fresh processes on the steps' warehouse, where they were measured
 */
public record BenchResults(
        BenchSettings settings,
        String engine,
        Machine before,
        Machine after,
        BriefScale brief,
        Growth growth,
        OptionalLong peakMemoryBytes,
        Duration elapsed,
        Optional<FreshProcesses> fresh) {
    public BenchResults {
        requireNonNull(settings, "settings");
        requireNonNull(engine, "engine");
        requireNonNull(before, "before");
        requireNonNull(after, "after");
        requireNonNull(brief, "brief");
        requireNonNull(growth, "growth");
        requireNonNull(peakMemoryBytes, "peakMemoryBytes");
        requireNonNull(elapsed, "elapsed");
        requireNonNull(fresh, "fresh");
    }

    /** Results without fresh-process runs. */
    public BenchResults(
            BenchSettings settings,
            String engine,
            Machine before,
            Machine after,
            BriefScale brief,
            Growth growth,
            OptionalLong peakMemoryBytes,
            Duration elapsed) {
        this(settings, engine, before, after, brief, growth, peakMemoryBytes, elapsed, Optional.empty());
    }

    /**
     * The steps as a scheduler runs them: each a fresh {@code pvw run} process on the existing warehouse, beside its
     * bare minimum run the same way, and a run with nothing new.
     *
     * @param launcher how the processes were started
     */
    public record FreshProcesses(
            String launcher,
            List<ProcessRun> hourly,
            List<ProcessRun> hourlyBare,
            List<ProcessRun> daily,
            List<ProcessRun> dailyBare,
            List<ProcessRun> noOp) {
        public FreshProcesses {
            requireNonNull(launcher, "launcher");
            hourly = List.copyOf(hourly);
            hourlyBare = List.copyOf(hourlyBare);
            daily = List.copyOf(daily);
            dailyBare = List.copyOf(dailyBare);
            noOp = List.copyOf(noOp);
        }
    }

    /** Where a fresh process's time goes, from its start to its exit as the parent sees them. */
    public enum ProcessPhase {
        START_UP("start-up: the JVM, to pvw's main", Stage.MAIN),
        OPEN(
                "opening the warehouse: options, logging, the driver (DuckDB's native library, Spark's start), the database",
                Stage.OPENED),
        CHECKS("the run's start: its lock, the schema and extract checks, its log row", Stage.EXTRACTS_CHECKED),
        WORK("the work: the run itself, to its commit", Stage.WORK_DONE),
        CLOSE("closing the warehouse (on DuckDB, its checkpoint)", Stage.CLOSED),
        EXIT("the exit: the JVM's shutdown", null);

        private final String description;
        private final Stage endStage;

        ProcessPhase(String description, Stage endStage) {
            this.description = description;
            this.endStage = endStage;
        }

        public String description() {
            return description;
        }

        /** The stage that ends the phase; empty for the exit, which the parent sees. */
        Optional<Stage> endStage() {
            return Optional.ofNullable(endStage);
        }
    }

    /** One fresh process: its whole time and each phase's. */
    public record ProcessRun(Duration total, Map<ProcessPhase, Duration> phases) {
        public ProcessRun {
            requireNonNull(total, "total");
            phases = Map.copyOf(phases);
        }

        Duration phase(ProcessPhase phase) {
            return phases.getOrDefault(phase, Duration.ZERO);
        }
    }

    /** The median of one phase over some processes. */
    static Duration medianPhase(List<ProcessRun> runs, ProcessPhase phase) {
        return median(runs.stream().map(run -> run.phase(phase)).toList());
    }

    /** The median of the processes' whole times. */
    static Duration medianTotal(List<ProcessRun> runs) {
        return median(runs.stream().map(ProcessRun::total).toList());
    }

    /**
     * The hourly and daily steps against their bare minimums, on one warehouse at the chosen scale.
     *
     * @param batchRows rows of each measured pageviews batch (a 24th of a day, landed with its few bad rows)
     * @param snapshot what the measured users snapshots changed, summed
     * @param queries the BI queries from the marts and from the naive join at this scale
     */
    public record BriefScale(
            long users,
            long pageviewsPerDay,
            List<Duration> hourlySteps,
            List<Duration> hourlyBare,
            long batchRows,
            List<Duration> dailySteps,
            List<Duration> dailyBare,
            SnapshotChanges snapshot,
            List<Duration> historyRuns,
            List<BiTiming> queries,
            TableSizes sizes) {
        public BriefScale {
            hourlySteps = List.copyOf(hourlySteps);
            hourlyBare = List.copyOf(hourlyBare);
            dailySteps = List.copyOf(dailySteps);
            dailyBare = List.copyOf(dailyBare);
            requireNonNull(snapshot, "snapshot");
            historyRuns = List.copyOf(historyRuns);
            queries = List.copyOf(queries);
            requireNonNull(sizes, "sizes");
        }
    }

    /** Users in the measured snapshots and how many of them were new, moved or deleted, on average per snapshot. */
    public record SnapshotChanges(long users, long newUsers, long movedUsers, long deletedUsers) {}

    /**
     * How the steps grow with history at the growth scale, and the BI queries on that history.
     *
     * @param days one entry per simulated day
     * @param queries every BI query, from the marts and from the naive join
     */
    public record Growth(
            long users, long pageviewsPerDay, List<GrowthDay> days, List<BiTiming> queries, TableSizes sizes) {
        public Growth {
            days = List.copyOf(days);
            queries = List.copyOf(queries);
            requireNonNull(sizes, "sizes");
        }

        /** The entry for day {@code day} (1 = the first). */
        GrowthDay day(int day) {
            return days.stream()
                    .filter(entry -> entry.day() == day)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no growth day " + day));
        }
    }

    /**
     * One simulated day of the growth curves, each time as wall time and as the process's CPU time (which other work
     * on the machine does not inflate).
     *
     * @param hourly the median of the day's hourly runs
     * @param usersStep the users snapshot at 00:05 after the day, with the day's history in the warehouse
     * @param loadAverage the machine's load averages when the day was done
     */
    public record GrowthDay(int day, StepTime hourly, StepTime usersStep, long pageviews, String loadAverage) {
        public GrowthDay {
            requireNonNull(hourly, "hourly");
            requireNonNull(usersStep, "usersStep");
            requireNonNull(loadAverage, "loadAverage");
        }
    }

    /** A step's wall time and the CPU time the process used meanwhile. */
    public record StepTime(Duration wall, Duration cpu) {
        public StepTime {
            requireNonNull(wall, "wall");
            requireNonNull(cpu, "cpu");
        }
    }

    /**
     * One BI query timed from the mart and from the naive join: until the answer is ready (the engine
     * has computed and sorted it, and the first row has reached the client) and until its last row has been read.
     *
     * @param window "1 day", "28 days" or "all data"
     * @param rows rows of the answer
     */
    public record BiTiming(Mart question, Grain grain, String window, long rows, QueryTiming mart, QueryTiming naive) {
        public BiTiming {
            requireNonNull(question, "question");
            requireNonNull(grain, "grain");
            requireNonNull(window, "window");
            requireNonNull(mart, "mart");
            requireNonNull(naive, "naive");
        }

        /** How many times sooner the mart had the answer ready than the naive join. */
        double speedUp() {
            return (double) naive.answerReady().toNanos()
                    / Math.max(1, mart.answerReady().toNanos());
        }
    }

    /**
     * The medians of some runs of one query.
     *
     * @param answerReady until the first row reached the client: the engine's work
     * @param allRowsRead until the last row was read: the engine's work and the transfer of the whole answer
     */
    public record QueryTiming(Duration answerReady, Duration allRowsRead, int runs) {
        public QueryTiming {
            requireNonNull(answerReady, "answerReady");
            requireNonNull(allRowsRead, "allRowsRead");
        }
    }

    /** Row counts of a warehouse, and the size of its file. */
    public record TableSizes(
            long factRows,
            long rollupRows,
            long currentMartRows,
            long atViewMartRows,
            long historyRows,
            long fileBytes) {}

    /** The median of some timings (the lower middle one for an even count). */
    static Duration median(List<Duration> timings) {
        if (timings.isEmpty()) {
            throw new IllegalArgumentException("no timings");
        }
        List<Duration> sorted = new ArrayList<>(timings);
        sorted.sort(null);
        return sorted.get((sorted.size() - 1) / 2);
    }
}
