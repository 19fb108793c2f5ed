package dev.pvw.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.CliResult;
import dev.pvw.testing.PageviewRow;
import dev.pvw.testing.TestTier;
import dev.pvw.testing.TestingEngine;
import dev.pvw.testing.TestingWarehouse;
import dev.pvw.testing.UserRow;
import dev.pvw.warehouse.OpenOptions;
import dev.pvw.warehouse.Warehouse;
import dev.pvw.warehouse.WarehouseUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler running the real pipeline on a real warehouse of each engine through a simulated day, while simulated
 * extract processes land each hour at HH:00: one run per hour at HH:05 as of that time, a failing run retried, a late
 * extract waited for, and a clean stop. Nothing waits for real time.
 */
abstract class AbstractScheduleIT {
    static final LocalDateTime DAY = LocalDateTime.parse("2026-01-05T00:00:00");
    static final RetryPolicy RETRY = RetryPolicy.startingAt(Duration.ofMinutes(1));

    /** Hours of the simulated day the scheduler runs: through the failure at 03:05 and the late extract of 06:05. */
    private static final int HOURS = TestTier.full() ? 24 : 8;

    @TempDir
    Path directory;

    TestingWarehouse warehouse;
    final StopSignal stop = new StopSignal();
    SimulatedTime time;
    private final List<PageviewRow> landed = new ArrayList<>();

    abstract TestingEngine engine();

    @BeforeEach
    void createWarehouseAndStartAtMidnight() {
        warehouse = TestingWarehouse.initialized(engine(), directory);
        time = new SimulatedTime(instant(DAY), instant(DAY.plusDays(2)), stop);
    }

    @Test
    void aSimulatedDayOfHourlyExtractsIsLoadedByOneRunAtFivePastEachHourRetryingAFailureAndALateExtract() {
        time.at(instant(DAY), () -> warehouse.landUsers(List.of(new UserRow(1L, "AB1"), new UserRow(2L, "CD2"))));
        for (int hour = 0; hour < HOURS; hour++) {
            // The extract of hour 05:00 is ten minutes late.
            LocalDateTime landsAt = hour == 6 ? DAY.plusHours(6).plusMinutes(10) : DAY.plusHours(hour);
            LocalDateTime previousHour = DAY.plusHours(hour - 1);
            time.at(instant(landsAt), () -> landPageviewsOf(previousHour));
        }
        // The extract process changes the table under the run at 03:01 and puts it back at 03:07.
        time.at(instant("2026-01-05T03:01:00"), () -> renameColumn("url", "page_url"));
        time.at(instant("2026-01-05T03:07:00"), () -> renameColumn("page_url", "url"));
        LocalDateTime lastMinute = DAY.plusHours(HOURS - 1).plusMinutes(59);
        Instant end = instant(lastMinute);
        time.stopAt(end);

        scheduler(Duration.ofSeconds(5)).run();

        List<String> expected = new ArrayList<>();
        IntStream.range(0, HOURS).forEach(hour -> {
            String slot = at(DAY.plusHours(hour).plusMinutes(5));
            switch (hour) {
                case 3 -> expected.addAll(List.of(
                        slot + " started " + slot + " failed",
                        slot + " started 2026-01-05T03:06 failed",
                        slot + " started 2026-01-05T03:08 succeeded"));
                case 6 -> expected.addAll(List.of(
                        slot + " started " + slot + " succeeded",
                        slot + " started 2026-01-05T06:06 succeeded",
                        slot + " started 2026-01-05T06:08 succeeded",
                        slot + " started 2026-01-05T06:12 succeeded"));
                default -> expected.add(slot + " started " + slot + " succeeded");
            }
        });
        assertThat(runs()).containsExactlyElementsOf(expected);
        assertThat(time.instant()).as("stopped at once while waiting").isEqualTo(end);
        assertThat(warehouse.query(
                        "SELECT batch_hour FROM core.pageview_batches WHERE replaced_by IS NULL ORDER BY batch_hour",
                        rs -> rs.getTimestamp(1).toLocalDateTime()))
                .as("every hour from 23:00 the day before to the last one landed before the stop")
                .containsExactlyElementsOf(
                        IntStream.range(-1, HOURS - 1).mapToObj(DAY::plusHours).toList());
        assertThat(warehouse.queryLong("SELECT sum(pageviews) FROM mart.pageviews_hourly_by_current_postcode"))
                .isEqualTo(landed.size());
        CliResult check = warehouse.pvw("status", "--check", "--as-of", lastMinute.toString());
        assertThat(check.exitCode()).as(check.toString()).isZero();
    }

    @Test
    void aStopDuringTheDayEndsTheSchedulerAfterTheRunInFlightWithEverythingCommitted() {
        time.at(instant(DAY), () -> warehouse.landUsers(List.of(new UserRow(1L, "AB1"))));
        time.at(instant(DAY), () -> landPageviewsOf(DAY.minusHours(1)));
        time.at(instant("2026-01-05T01:00:00"), () -> landPageviewsOf(DAY));
        time.stopAt(instant("2026-01-05T01:30:00"));

        scheduler(Duration.ofSeconds(5)).run();

        assertThat(runs())
                .containsExactly(
                        "2026-01-05T00:05 started 2026-01-05T00:05 succeeded",
                        "2026-01-05T01:05 started 2026-01-05T01:05 succeeded");
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.runs WHERE outcome = 'running'"))
                .isZero();
    }

    Scheduler scheduler(Duration lockWait) {
        String url = warehouse.url();
        PipelineJob job = new PipelineJob(
                () -> Warehouse.open(WarehouseUrl.parse(url), OpenOptions.forWriting(lockWait)), time, lockWait);
        return new Scheduler(CronSchedule.parse(CronSchedule.DEFAULT_EXPRESSION), RETRY, job, time, time, stop);
    }

    /** The run log: each run's --as-of, when it started on the simulated clock, and its outcome. */
    List<String> runs() {
        return warehouse.query(
                "SELECT as_of, started_at, outcome FROM core.runs ORDER BY run_id",
                rs -> at(rs.getTimestamp(1).toLocalDateTime()) + " started "
                        + at(rs.getTimestamp(2).toLocalDateTime()) + " " + rs.getString(3));
    }

    /** Truncates the pageviews extract and loads three pageviews of {@code hour}, as the hourly extract does. */
    void landPageviewsOf(LocalDateTime hour) {
        List<PageviewRow> rows = List.of(
                new PageviewRow(1L, "/home", hour.plusMinutes(1)),
                new PageviewRow(2L, "/about", hour.plusMinutes(20)),
                new PageviewRow(1L, "/home", hour.plusMinutes(59)));
        warehouse.landPageviews(rows);
        landed.addAll(rows);
    }

    private void renameColumn(String from, String to) {
        warehouse.execute("ALTER TABLE raw.pageviews_extract RENAME COLUMN " + from + " TO " + to);
    }

    static String at(LocalDateTime time) {
        return time.truncatedTo(ChronoUnit.MINUTES).toString();
    }

    static Instant instant(LocalDateTime time) {
        return time.toInstant(ZoneOffset.UTC);
    }

    static Instant instant(String time) {
        return instant(LocalDateTime.parse(time));
    }
}
