package dev.pvw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.engine.postgresql.TestingRunLocks;
import dev.pvw.testing.CliResult;
import dev.pvw.testing.PageviewRow;
import dev.pvw.testing.TestingEngine;
import dev.pvw.testing.TestingWarehouse;
import dev.pvw.testing.UserRow;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pvw schedule} as its own process on the real clock, stopped with SIGTERM as a service manager stops it. The
 * test holds the DuckDB file, as another process would, so that a run is certainly in flight (waiting for the file)
 * when the signal comes, or certainly fails. It waits for log lines, never for a length of time; every minute is a slot
 * of {@code * * * * *} and the current one runs at once on start, so no test waits for a slot.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DuckDbScheduleProcessIT {
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern WAITING = Pattern.compile("is in use by another process; waiting up to 60 s");
    private static final Pattern STOP_REQUESTED = Pattern.compile("Stop requested");
    private static final Pattern FAILED_ON_LOCK =
            Pattern.compile("Slot \\S+: failed after [0-9.]+ s: Another process is using warehouse");
    private static final Pattern SUCCEEDED = Pattern.compile("Slot \\S+(, attempt \\d+)?: run 1 succeeded");

    @TempDir
    Path directory;

    private TestingWarehouse warehouse;

    @BeforeEach
    void landTheExtractsOfTheHourBeforeNow() {
        warehouse = new TestingWarehouse(TestingEngine.DUCKDB, directory);
        CliResult init = warehouse.pvw("init");
        assertThat(init.exitCode()).as(init.toString()).isZero();
        LocalDateTime lastHour =
                LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).minusHours(1);
        warehouse.landUsers(List.of(new UserRow(1L, "AB1")));
        warehouse.landPageviews(List.of(new PageviewRow(1L, "/home", lastHour.plusMinutes(10))));
    }

    @Test
    void sigtermWhileARunIsInFlightLetsItFinishAndCommitThenStops() throws Exception {
        PvwProcess scheduler;
        try (Connection otherProcess = TestingRunLocks.holdDuckDb(warehouse.url())) {
            scheduler = PvwProcess.start(
                    directory, "schedule", "--warehouse", warehouse.url(), "schedule", "--cron", "* * * * *");
            scheduler.awaitLine(WAITING, STEP_TIMEOUT);
            scheduler.terminate();
            scheduler.awaitLine(STOP_REQUESTED, STEP_TIMEOUT);
            assertThat(scheduler.isAlive())
                    .as("the run in flight holds the process")
                    .isTrue();
        }
        try (scheduler) {
            int exitCode = scheduler.waitFor(STEP_TIMEOUT);

            assertThat(exitCode).as(scheduler.describe()).isEqualTo(PvwProcess.TERMINATED_EXIT_CODE);
            List<String> lines = scheduler.stderr().lines().toList();
            assertThat(lines).anySatisfy(line -> assertThat(line).containsPattern(SUCCEEDED));
            assertThat(lines).last().asString().contains("Scheduler stopped");
        }
        assertThat(warehouse.query("SELECT outcome FROM core.runs", rs -> rs.getString(1)))
                .containsExactly("succeeded");
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.pageview_fact"))
                .isOne();
    }

    @Test
    void aRunThatFindsTheWarehouseHeldByAnotherProcessFailsIsRetriedAndSigtermStopsTheWaitingScheduler()
            throws Exception {
        PvwProcess scheduler;
        try (Connection otherProcess = TestingRunLocks.holdDuckDb(warehouse.url())) {
            scheduler = PvwProcess.start(
                    directory,
                    "schedule",
                    "--warehouse",
                    warehouse.url(),
                    "--lock-wait",
                    "0",
                    "schedule",
                    "--cron",
                    "* * * * *",
                    "--retry-delay",
                    "1s");
            scheduler.awaitLine(FAILED_ON_LOCK, STEP_TIMEOUT);
        }
        try (scheduler) {
            scheduler.awaitLine(SUCCEEDED, STEP_TIMEOUT);
            scheduler.terminate();
            int exitCode = scheduler.waitFor(STEP_TIMEOUT);

            assertThat(exitCode).as(scheduler.describe()).isEqualTo(PvwProcess.TERMINATED_EXIT_CODE);
            assertThat(scheduler.stderr().lines().toList()).last().asString().contains("Scheduler stopped");
        }
        // A run that cannot open the file never gets a run record; should the hour turn meanwhile, a late-extract retry
        // may add a second run, which succeeds too.
        assertThat(warehouse.query("SELECT outcome FROM core.runs", rs -> rs.getString(1)))
                .isNotEmpty()
                .containsOnly("succeeded");
    }
}
