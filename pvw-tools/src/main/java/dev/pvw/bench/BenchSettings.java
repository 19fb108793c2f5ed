package dev.pvw.bench;

import static java.util.Objects.requireNonNull;

import dev.pvw.simulate.SimulationSettings;
import dev.pvw.warehouse.WarehouseUrl;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the benchmark measures, at which scale and where it keeps its data.
 *
 * @param scale the share of the brief's volumes (20M users, 100M pageviews a day) for the hourly and daily steps
 * @param growthScale the share of the brief's volumes for the growth curves and the BI queries
 * @param days days of history simulated at {@code scale} before the steps are measured
 * @param growthDays days simulated at {@code growthScale}
 * @param repetitions how many times each step and mart query is timed (the median is reported)
 * @param seed seed of the simulated extracts
 * @param dataDirectory where the benchmark's DuckDB warehouses and DuckDB's spill files go
 * @param outputDirectory where the markdown table and the chart are written
 * @param memoryLimit DuckDB's memory_limit, such as 4GB
 * @param keepData whether to keep the warehouses when done
 * @param engine the engine measured
 * @param server with {@link BenchEngine#POSTGRESQL}, a database on the server where the benchmark makes its own
 */
public record BenchSettings(
        double scale,
        double growthScale,
        int days,
        int growthDays,
        int repetitions,
        long seed,
        Path dataDirectory,
        Path outputDirectory,
        String memoryLimit,
        boolean keepData,
        BenchEngine engine,
        Optional<WarehouseUrl> server) {
    /** Settings on DuckDB, the default engine. */
    public BenchSettings(
            double scale,
            double growthScale,
            int days,
            int growthDays,
            int repetitions,
            long seed,
            Path dataDirectory,
            Path outputDirectory,
            String memoryLimit,
            boolean keepData) {
        this(
                scale,
                growthScale,
                days,
                growthDays,
                repetitions,
                seed,
                dataDirectory,
                outputDirectory,
                memoryLimit,
                keepData,
                BenchEngine.DUCKDB,
                Optional.empty());
    }

    /** The brief: up to 20M users. */
    public static final long BRIEF_USERS = 20_000_000;

    /** The brief: up to 100M pageviews on a given day. */
    public static final long BRIEF_PAGEVIEWS_PER_DAY = 100_000_000;

    /** The days after which growth is reported, as the issue asks (those the run reaches). */
    static final List<Integer> GROWTH_CHECKPOINTS = List.of(1, 7, 28);

    /** The first simulated day: fixed, so that runs are comparable. */
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);

    private static final Pattern MEMORY =
            Pattern.compile("[1-9][0-9]{0,5}(\\.[0-9]{1,3})?(KB|MB|GB|TB|KiB|MiB|GiB|TiB)");

    public BenchSettings {
        requireScale("scale", scale);
        requireScale("growthScale", growthScale);
        requireRange("days", days, 1, 60);
        requireRange("growthDays", growthDays, 1, 90);
        requireRange("repetitions", repetitions, 1, 50);
        requireNonNull(dataDirectory, "dataDirectory");
        requireNonNull(outputDirectory, "outputDirectory");
        requireNonNull(memoryLimit, "memoryLimit");
        requireNonNull(engine, "engine");
        requireNonNull(server, "server");
        if (server.isPresent() != (engine == BenchEngine.POSTGRESQL)) {
            throw new IllegalArgumentException("server is given for the engine postgresql, and only for it");
        }
        if (!MEMORY.matcher(memoryLimit).matches()) {
            throw new IllegalArgumentException(
                    "memoryLimit must be a size such as 4GB or 512MB, not '" + memoryLimit + "'");
        }
        if (dataDirectory.toString().contains(";")) {
            throw new IllegalArgumentException(
                    "dataDirectory must not contain ';' (it goes into a JDBC URL), not " + dataDirectory);
        }
    }

    /** The scenario of the steps at {@code scale}: the brief's daily changes (1% moved, 0.5% new, 0.1% deleted). */
    SimulationSettings briefScenario() {
        return scenario(scale, days);
    }

    /** The scenario of the growth curves at {@code growthScale}. */
    SimulationSettings growthScenario() {
        return scenario(growthScale, growthDays);
    }

    /** The checkpoints this run reaches: 1, 7 and 28 days, and the last day when it is none of them. */
    List<Integer> growthCheckpoints() {
        List<Integer> checkpoints = new ArrayList<>(
                GROWTH_CHECKPOINTS.stream().filter(day -> day <= growthDays).toList());
        if (!checkpoints.contains(growthDays)) {
            checkpoints.add(growthDays);
        }
        return List.copyOf(checkpoints);
    }

    static long users(double share) {
        return Math.max(10, Math.round(BRIEF_USERS * share));
    }

    static long pageviewsPerDay(double share) {
        return Math.max(24, Math.round(BRIEF_PAGEVIEWS_PER_DAY * share));
    }

    private SimulationSettings scenario(double share, int scenarioDays) {
        return new SimulationSettings(
                seed, FIRST_DAY, scenarioDays, users(share), pageviewsPerDay(share), 3_000, 0.01, 0.005, 0.001, 0, 0.1);
    }

    private static void requireScale(String name, double value) {
        if (!(value > 0 && value <= 10)) {
            throw new IllegalArgumentException(name + " must be above 0 and at most 10, not " + value);
        }
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ", not " + value);
        }
    }
}
