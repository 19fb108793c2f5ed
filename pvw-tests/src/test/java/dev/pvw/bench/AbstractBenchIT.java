package dev.pvw.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.CliResult;
import dev.pvw.testing.TestTier;
import dev.pvw.testing.TestingEngine;
import dev.pvw.testing.TestingWarehouse;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pvw bench} at a tiny scale on each engine, as CI's smoke test: the markdown table with every row of the
 * engine's targets and the growth chart are written, and the warehouses are gone. Two days of growth (seven in the
 * full tier) rather than 28 keep it short; the page names its days. No timing is asserted: speed is the benchmark's to
 * report, not a test's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractBenchIT {
    /** Days of growth: enough for the growth rows and the windows over them; the full tier grows a week. */
    static final int GROWTH_DAYS = TestTier.full() ? 7 : 2;

    /** DuckDB's targets, which the other engines' pages leave out. */
    static final List<String> DUCKDB_TARGETS = List.of(
            "| hourly step at most 3 s |",
            "| hourly step at most 3x its bare minimum |",
            "| daily users step at most 30 s |",
            "| hourly step after " + GROWTH_DAYS + " days within 1.3x of after 1 day |",
            "| every BI query at most 50 ms (median, answer ready) |",
            "| every BI query at least 100x faster than the naive join over " + GROWTH_DAYS + " days |",
            "| peak memory at most 6 GB |",
            "| hourly step as a fresh process at most 3 s |",
            "| hourly step as a fresh process at most 2x its bare minimum run the same way |",
            "| run with nothing new as a fresh process at most 0.8 s |",
            "| daily users step as a fresh process at most 20 s |");

    /** Static, so that it is there before {@code @BeforeAll}; each class gets its own. */
    @TempDir
    static Path directory;

    private CliResult result;
    private String page;

    abstract TestingEngine engine();

    /** The options that choose and set up the engine. */
    abstract List<String> engineOptions();

    /** The targets the page judges on this engine. */
    abstract List<String> targets();

    /** What the page says of the engine. */
    abstract List<String> engineDescription();

    /** Days of growth the benchmark simulates on this engine. */
    int growthDays() {
        return GROWTH_DAYS;
    }

    /** Times each step is timed on this engine. */
    String repetitions() {
        return TestTier.full() ? "2" : "1";
    }

    /** Asserts that no warehouse of the benchmark is left where the engine keeps them, besides the data directory. */
    void assertNoWarehouseLeftElsewhere() {}

    @BeforeAll
    void runTheBenchmarkAtATinyScale() throws IOException {
        TestingWarehouse unused = new TestingWarehouse(engine(), directory);
        List<String> arguments = new ArrayList<>(List.of("bench"));
        arguments.addAll(engineOptions());
        arguments.addAll(List.of(
                "--scale",
                "0.0001",
                "--growth-scale",
                "0.00002",
                "--growth-days",
                String.valueOf(growthDays()),
                "--repetitions",
                repetitions(),
                "--data-dir",
                "data",
                "--output",
                "report",
                "--no-progress"));
        result = unused.pvwWithoutWarehouse(arguments.toArray(String[]::new));
        Path report = directory.resolve("report").resolve("bench.md");
        page = Files.exists(report) ? Files.readString(report) : "";
    }

    @Test
    void exitsZeroAndPrintsThePageItWrites() {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo(page);
        assertThat(result.err()).contains("bench.md", "bench-growth.png", "targets met");
    }

    @Test
    void thePageJudgesEveryTargetOfTheEngine() {
        assertThat(rows("\\| .* \\| (yes|\\*\\*no\\*\\*) \\|"))
                .isEqualTo(targets().size());
        for (String target : targets()) {
            assertThat(page.lines().filter(line -> line.startsWith(target)))
                    .as(target)
                    .singleElement()
                    .matches(line -> line.endsWith("| yes |") || line.endsWith("| **no** |"));
        }
    }

    @Test
    void thePageHasEveryMeasurement() {
        assertThat(page)
                .contains("| hourly step: one batch of ")
                .contains("| bare minimum on the same batch: append it, aggregate it once")
                .contains("| hourly step / bare minimum |")
                .contains("| daily users step: 2,0")
                .contains("| bare minimum: one full outer join of the snapshot with the current users |")
                .contains("| daily users step / bare minimum |")
                .contains("| 1 day |", "| " + growthDays() + " days |")
                .contains("load average")
                .contains(engineDescription());
        assertThat(rows("| (current postcode|postcode at view) \\| (hour|day|month) \\| (1 day|" + growthDays()
                        + " days|all data) \\|.*x \\|"))
                .as("BI queries against the naive join: 2 questions, 3 grains, 3 windows at the growth scale and"
                        + " 2 windows at the steps' scale")
                .isEqualTo(18 + 12);
        assertThat(page).contains("## BI queries at 0.0001 of the brief's scale, after 1 day(s)");
        assertThat(
                        rows(
                                "\\| (hourly step|daily users step|its bare minimum|run with nothing new \\(.*\\)) \\| [0-9.]+ s \\|.*"))
                .as("each step as a fresh process beside the warm figure")
                .isEqualTo(5);
        assertThat(
                        rows(
                                "\\| (start-up|opening|the run's start|the work|closing|the exit|whole process).*( \\| [0-9.]+ s){5} \\|"))
                .as("where a fresh process's time goes: six phases and the whole, for five kinds of process")
                .isEqualTo(7);
        assertThat(rows("\\| (steps|growth) \\(.*GB \\|")).isEqualTo(2);
    }

    @Test
    void writesTheGrowthChartAsAPng() throws IOException {
        BufferedImage chart = ImageIO.read(
                directory.resolve("report").resolve("bench-growth.png").toFile());

        assertThat(chart).isNotNull();
        assertThat(chart.getWidth()).isEqualTo(1000);
        assertThat(chart.getHeight()).isEqualTo(520);
    }

    @Test
    void leavesNoWarehouseBehind() throws IOException {
        try (Stream<Path> files = Files.list(directory.resolve("data"))) {
            assertThat(files).isEmpty();
        }
        assertNoWarehouseLeftElsewhere();
    }

    private long rows(String pattern) {
        return page.lines()
                .filter(line -> line.matches(pattern.startsWith("|") ? "\\" + pattern : pattern))
                .count();
    }
}
