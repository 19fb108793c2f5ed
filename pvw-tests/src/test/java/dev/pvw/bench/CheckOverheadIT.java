package dev.pvw.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.CliResult;
import dev.pvw.testing.TestingEngine;
import dev.pvw.testing.TestingWarehouse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the checks a run makes before committing cost: each run prints how long its checks took, so the run without
 * them is the run's time less that. Off by default (it loads millions of rows); run with
 * {@code -Dpvw.bench=true} and optionally {@code -Dpvw.bench.users=2000000 -Dpvw.bench.pageviews=4000000
 * -Dpvw.bench.engines=duckdb,postgresql}.
 */
@EnabledIfSystemProperty(named = "pvw.bench", matches = "true")
class CheckOverheadIT {
    private static final long USERS = Long.getLong("pvw.bench.users", 2_000_000L);
    private static final long PAGEVIEWS = Long.getLong("pvw.bench.pageviews", 4_000_000L);
    private static final int POSTCODES = 3_000;
    private static final Pattern CHECKS = Pattern.compile("checks: +12 passed in (\\d+) ms");

    @TempDir
    Path directory;

    static Stream<TestingEngine> engines() {
        return Arrays.stream(System.getProperty("pvw.bench.engines", "duckdb").split(","))
                .map(String::strip)
                .map(name -> switch (name) {
                    case "duckdb" -> TestingEngine.DUCKDB;
                    case "postgresql" -> TestingEngine.POSTGRESQL;
                    default -> throw new IllegalArgumentException("No engine " + name);
                });
    }

    @ParameterizedTest
    @MethodSource("engines")
    void runsWithTheirChecks(TestingEngine engine) {
        TestingWarehouse warehouse = new TestingWarehouse(engine, directory);
        assertThat(warehouse.pvw("init").exitCode()).isZero();
        if (engine == TestingEngine.POSTGRESQL) {
            warehouse.execute("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET work_mem = %L', current_database(),"
                    + " '256MB'); END $$");
        }

        landUsers(warehouse, 0);
        warehouse.execute("DELETE FROM raw.pageviews_extract");
        measure(engine, warehouse, "first users snapshot (" + USERS + " users)", "2026-01-01T00:05:00");
        landPageviews(warehouse, "2026-01-01 10:00:00");
        measure(engine, warehouse, "hourly batch 1 (" + PAGEVIEWS + " pageviews)", "2026-01-01T11:05:00");
        landPageviews(warehouse, "2026-01-01 11:00:00");
        measure(engine, warehouse, "hourly batch 2 (fact holds " + PAGEVIEWS + ")", "2026-01-01T12:05:00");
        landUsers(warehouse, 100);
        measure(engine, warehouse, "next users snapshot (1% moved)", "2026-01-02T00:05:00");

        long started = System.nanoTime();
        CliResult full = warehouse.pvw("check", "--full");
        assertThat(full.exitCode()).as(full.toString()).isZero();
        System.out.printf(
                "BENCH %-10s %-42s %8.2f s%n",
                engine.name(), "pvw check --full (" + 2 * PAGEVIEWS + " pageviews)", seconds(started));
    }

    private static void measure(TestingEngine engine, TestingWarehouse warehouse, String step, String asOf) {
        long started = System.nanoTime();
        CliResult result = warehouse.run(asOf, 0);
        double total = seconds(started);
        Matcher checks = CHECKS.matcher(result.out());
        assertThat(checks.find()).as(result.out()).isTrue();
        double checked = Long.parseLong(checks.group(1)) / 1000.0;
        System.out.printf(
                "BENCH %-10s %-42s run %7.2f s, checks %6.2f s, run without them %7.2f s, overhead %5.1f %%%n",
                engine.name(), step, total, checked, total - checked, 100 * checked / (total - checked));
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** Every user in postcode PC<n>; with {@code moveEvery} > 0, every such user has moved to MV<n>. */
    private static void landUsers(TestingWarehouse warehouse, int moveEvery) {
        String postcode = moveEvery == 0
                ? "'PC' || CAST(i % " + POSTCODES + " AS VARCHAR)"
                : "CASE WHEN i % " + moveEvery + " = 0 THEN 'MV' ELSE 'PC' END || CAST(i % " + POSTCODES
                        + " AS VARCHAR)";
        warehouse.execute(
                "DELETE FROM raw.users_extract",
                "INSERT INTO raw.users_extract (id, postcode) SELECT i, " + postcode + " FROM generate_series(1, "
                        + USERS + ") AS t(i)");
    }

    /** {@link #PAGEVIEWS} pageviews spread over the users and the hour. */
    private static void landPageviews(TestingWarehouse warehouse, String hour) {
        warehouse.execute(
                "DELETE FROM raw.pageviews_extract",
                "INSERT INTO raw.pageviews_extract (user_id, url, pageview_datetime)"
                        + " SELECT (i % " + USERS
                        + ") + 1, 'https://www.website.com/page/' || CAST(i % 500 AS VARCHAR),"
                        + " CAST('" + hour + "' AS TIMESTAMP)"
                        + " + CAST(CAST(i % 3600 AS VARCHAR) || ' seconds' AS INTERVAL)"
                        + " FROM generate_series(1, " + PAGEVIEWS + ") AS t(i)");
    }
}
