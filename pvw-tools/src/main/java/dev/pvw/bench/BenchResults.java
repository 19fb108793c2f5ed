package dev.pvw.bench;

import static java.util.Objects.requireNonNull;

import dev.pvw.query.Grain;
import dev.pvw.warehouse.Mart;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 */
public record BenchResults(
        BenchSettings settings,
        String engine,
        Machine before,
        Machine after,
        BriefScale brief,
        Growth growth,
        OptionalLong peakMemoryBytes,
        Duration elapsed) {
    public BenchResults {
        requireNonNull(settings, "settings");
        requireNonNull(engine, "engine");
        requireNonNull(before, "before");
        requireNonNull(after, "after");
        requireNonNull(brief, "brief");
        requireNonNull(growth, "growth");
        requireNonNull(peakMemoryBytes, "peakMemoryBytes");
        requireNonNull(elapsed, "elapsed");
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
