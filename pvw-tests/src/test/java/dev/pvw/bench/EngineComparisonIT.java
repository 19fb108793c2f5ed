package dev.pvw.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.CliResult;
import dev.pvw.testing.TestingEngine;
import dev.pvw.testing.TestingWarehouse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The measured comparison of docs/postgresql.md: the same runs at the same size on each engine. Off by default (it
 * loads millions of rows); run with {@code -Dpvw.bench=true -Dpvw.bench.rows=1000000}.
 */
@EnabledIfSystemProperty(named = "pvw.bench", matches = "true")
class EngineComparisonIT {
    private static final long ROWS = Long.getLong("pvw.bench.rows", 1_000_000L);
    private static final int POSTCODES = 3_000;

    @TempDir
    Path directory;

    static Stream<TestingEngine> engines() {
        return Stream.of(TestingEngine.DUCKDB, TestingEngine.POSTGRESQL);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void hourlyBatchesAndADailySnapshot(TestingEngine engine) {
        TestingWarehouse warehouse = new TestingWarehouse(engine, directory);
        assertThat(warehouse.pvw("init").exitCode()).isZero();
        Map<String, Duration> timings = new LinkedHashMap<>();
        if (engine == TestingEngine.POSTGRESQL) {
            // As docs/postgresql.md recommends for the pipeline's role: big set-based steps, one session at a time.
            warehouse.execute("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET work_mem = %L', current_database(),"
                    + " '" + System.getProperty("pvw.bench.work_mem", "256MB") + "'); END $$");
        }

        landUsers(warehouse, 0);
        warehouse.execute("DELETE FROM raw.pageviews_extract");
        timings.put("first users snapshot (" + ROWS + " users)", timed(warehouse, "2026-01-01T00:05:00"));

        landPageviews(warehouse, "2026-01-01 10:00:00");
        timings.put("hourly batch 1 (" + ROWS + " pageviews)", timed(warehouse, "2026-01-01T11:05:00"));
        landPageviews(warehouse, "2026-01-01 11:00:00");
        timings.put("hourly batch 2 (" + ROWS + " pageviews)", timed(warehouse, "2026-01-01T12:05:00"));

        landUsers(warehouse, 100);
        timings.put("next users snapshot (1% moved)", timed(warehouse, "2026-01-02T00:05:00"));

        assertThat(warehouse.queryLong("SELECT count(*) FROM core.pageview_fact"))
                .isEqualTo(2 * ROWS);
        assertThat(warehouse.queryLong("SELECT sum(pageviews) FROM mart.pageviews_hourly_by_current_postcode"))
                .isEqualTo(2 * ROWS);
        assertThat(warehouse.queryLong("SELECT moved_users FROM core.users_snapshots WHERE snapshot_id = 2"))
                .isEqualTo(ROWS / 100);
        timings.forEach((step, duration) ->
                System.out.printf("BENCH %-10s %-40s %8.2f s%n", engine.name(), step, duration.toMillis() / 1000.0));
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
                        + ROWS + ") AS t(i)");
    }

    /** One pageview per user, spread over the hour. */
    private static void landPageviews(TestingWarehouse warehouse, String hour) {
        warehouse.execute(
                "DELETE FROM raw.pageviews_extract",
                "INSERT INTO raw.pageviews_extract (user_id, url, pageview_datetime)"
                        + " SELECT i, 'https://www.website.com/page/' || CAST(i % 500 AS VARCHAR),"
                        + " CAST('" + hour + "' AS TIMESTAMP)"
                        + " + CAST(CAST(i % 3600 AS VARCHAR) || ' seconds' AS INTERVAL)"
                        + " FROM generate_series(1, " + ROWS + ") AS t(i)");
    }

    private static Duration timed(TestingWarehouse warehouse, String asOf) {
        long started = System.nanoTime();
        CliResult result = warehouse.run(asOf, 0);
        assertThat(result.exitCode()).isZero();
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
