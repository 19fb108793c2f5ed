package dev.pvw.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scheduler driven through simulated days by a simulated clock, with a job that records what it was asked to do. */
class SchedulerTest {
    private static final Instant MIDNIGHT = instant("2026-01-05T00:00:00");
    private static final CronSchedule HOURLY = CronSchedule.parse(CronSchedule.DEFAULT_EXPRESSION);
    private static final RetryPolicy RETRY = RetryPolicy.startingAt(Duration.ofMinutes(1));

    private final StopSignal stop = new StopSignal();
    private SimulatedTime time;
    private RecordingJob job;
    private CapturedLogs logs;

    @BeforeEach
    void startAtMidnight() {
        startAt(MIDNIGHT);
        logs = new CapturedLogs(Scheduler.class);
    }

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

    @Test
    void aSimulatedDayRunsTwentyFourTimesEachAtFivePastTheHourAsOfItsSlotWithoutOverlapThenStopsCleanly() {
        job.workFor(Duration.ofMinutes(3));
        time.stopAt(instant("2026-01-06T00:00:00"));

        scheduler().run();

        List<LocalDateTime> hours = IntStream.range(0, 24)
                .mapToObj(hour -> at("2026-01-05T00:05:00").plusHours(hour))
                .toList();
        assertThat(job.asOfs()).isEqualTo(hours);
        assertThat(job.attempts)
                .allSatisfy(attempt -> assertThat(attempt.started()).isEqualTo(instant(attempt.asOf())));
        for (int i = 1; i < job.attempts.size(); i++) {
            assertThat(job.attempts.get(i).started())
                    .as("run %d starts after run %d finished", i + 1, i)
                    .isAfterOrEqualTo(job.attempts.get(i - 1).finished());
        }
        assertThat(time.instant()).as("stopped while waiting, at once").isEqualTo(instant("2026-01-06T00:00:00"));
        assertThat(logs.lines()).hasSize(1 + 24 + 1);
        assertThat(logs.lines().get(0))
                .isEqualTo("INFO Scheduler started: every hour at minute 5 (cron '5 * * * *', UTC), each run as of its"
                        + " scheduled time; first run as of 2026-01-05T00:05:00");
        assertThat(logs.lines().get(1))
                .isEqualTo("INFO Slot 2026-01-05T00:05:00: run 1 succeeded in 180.0 s: users ok; pageviews ok");
        assertThat(logs.lines().get(25)).startsWith("INFO Scheduler stopped");
    }

    @Test
    void aFailedRunIsRetriedAsOfItsSlotWithADoublingDelayUntilItSucceeds() {
        job.workFor(Duration.ofSeconds(30));
        job.failWhile((asOf, now) -> asOf.getHour() == 3 && now.isBefore(instant("2026-01-05T03:10:00")));
        time.stopAt(instant("2026-01-05T04:30:00"));

        scheduler().run();

        assertThat(job.startsAsOf(at("2026-01-05T03:05:00")))
                .containsExactly(
                        instant("2026-01-05T03:05:00"),
                        instant("2026-01-05T03:06:30"),
                        instant("2026-01-05T03:09:00"),
                        instant("2026-01-05T03:13:30"));
        assertThat(job.startsAsOf(at("2026-01-05T04:05:00"))).containsExactly(instant("2026-01-05T04:05:00"));
        assertThat(linesAbout("2026-01-05T03:05:00"))
                .containsExactly(
                        "WARN Slot 2026-01-05T03:05:00: failed after 30.0 s: the warehouse is down; retry at"
                                + " 2026-01-05T03:06:30",
                        "WARN Slot 2026-01-05T03:05:00, attempt 2: failed after 30.0 s: the warehouse is down; retry at"
                                + " 2026-01-05T03:09:00",
                        "WARN Slot 2026-01-05T03:05:00, attempt 3: failed after 30.0 s: the warehouse is down; retry at"
                                + " 2026-01-05T03:13:30",
                        "INFO Slot 2026-01-05T03:05:00, attempt 4: run 4 succeeded in 30.0 s: users ok; pageviews ok");
    }

    @Test
    void aSlotThatKeepsFailingIsGivenUpWhenNoRetryFitsBeforeTheTopOfTheHourAndTheNextSlotRunsOnTime() {
        job.workFor(Duration.ofMinutes(2));
        job.failWhile((asOf, now) -> asOf.getHour() == 5);
        time.stopAt(instant("2026-01-05T06:30:00"));

        scheduler().run();

        // Each attempt takes 2 minutes, then waits 1, 2, 4, 8 and 15 minutes; the next retry would start at 06:02,
        // before the next slot but after 06:00, when the extract of hour 05:00 replaces the one this slot is for.
        assertThat(job.startsAsOf(at("2026-01-05T05:05:00")))
                .containsExactly(
                        instant("2026-01-05T05:05:00"),
                        instant("2026-01-05T05:08:00"),
                        instant("2026-01-05T05:12:00"),
                        instant("2026-01-05T05:18:00"),
                        instant("2026-01-05T05:28:00"),
                        instant("2026-01-05T05:45:00"));
        assertThat(job.startsAsOf(at("2026-01-05T06:05:00"))).containsExactly(instant("2026-01-05T06:05:00"));
        assertThat(linesAbout("2026-01-05T05:05:00"))
                .hasSize(6)
                .last()
                .isEqualTo("ERROR Slot 2026-01-05T05:05:00, attempt 6: failed after 120.0 s: the warehouse is down;"
                        + " no retry fits before 2026-01-05T06:00:00, when the slot's window closes");
    }

    @Test
    void aRunThatFindsTheExtractNotYetHoldingTheHourBeforeItsSlotIsRetriedUntilTheHourLands() {
        job.extractLate(at("2026-01-05T06:00:00"), instant("2026-01-05T07:15:00"));
        time.stopAt(instant("2026-01-05T07:30:00"));

        scheduler().run();

        assertThat(job.startsAsOf(at("2026-01-05T07:05:00")))
                .containsExactly(
                        instant("2026-01-05T07:05:00"),
                        instant("2026-01-05T07:06:00"),
                        instant("2026-01-05T07:08:00"),
                        instant("2026-01-05T07:12:00"),
                        instant("2026-01-05T07:20:00"));
        assertThat(linesAbout("2026-01-05T07:05:00").get(0))
                .isEqualTo("WARN Slot 2026-01-05T07:05:00: run 8 succeeded in 0.0 s: users ok; pageviews ok; the"
                        + " pageviews extract does not hold hour 2026-01-05T06:00:00 yet (it holds hour"
                        + " 2026-01-05T05:00:00; late extract?); retry at 2026-01-05T07:06:00");
    }

    @Test
    void anExtractThatNeverLandsIsGivenUpWithAdviceOnTheLostHour() {
        job.extractLate(at("2026-01-04T23:00:00"), instant("2026-01-06T00:00:00"));
        time.stopAt(instant("2026-01-05T01:30:00"));

        scheduler().run();

        assertThat(job.startsAsOf(at("2026-01-05T00:05:00"))).hasSize(7);
        assertThat(linesAbout("2026-01-05T00:05:00"))
                .last()
                .asString()
                .startsWith("ERROR Slot 2026-01-05T00:05:00, attempt 7:")
                .endsWith("no retry fits before 2026-01-05T01:00:00, when the slot's window closes: if hour"
                        + " 2026-01-04T23:00:00 never lands, it is lost; load it from the extract archive and"
                        + " backfill it (docs/scheduling.md)");
    }

    @Test
    void aUsersSnapshotRefusedByAGuardIsACompletedRunAndIsNotRetried() {
        job.refuseAt(at("2026-01-05T09:05:00"));
        time.stopAt(instant("2026-01-05T10:30:00"));

        scheduler().run();

        assertThat(job.startsAsOf(at("2026-01-05T09:05:00"))).containsExactly(instant("2026-01-05T09:05:00"));
        assertThat(job.startsAsOf(at("2026-01-05T10:05:00"))).containsExactly(instant("2026-01-05T10:05:00"));
        assertThat(linesAbout("2026-01-05T09:05:00"))
                .containsExactly("WARN Slot 2026-01-05T09:05:00: run 10 completed with the users snapshot refused in"
                        + " 0.0 s: users snapshot refused: too few ids; pageviews ok; not retried: the same extract"
                        + " would be refused again");
    }

    @Test
    void aRunThatOverrunsTheNextSlotIsFollowedAtOnceByThatSlotWhileItsWindowIsOpen() {
        job.workFor(at("2026-01-05T11:05:00"), Duration.ofMinutes(70));
        time.stopAt(instant("2026-01-05T13:30:00"));

        scheduler().run();

        assertThat(job.asOfs())
                .endsWith(at("2026-01-05T11:05:00"), at("2026-01-05T12:05:00"), at("2026-01-05T13:05:00"));
        assertThat(job.startsAsOf(at("2026-01-05T12:05:00"))).containsExactly(instant("2026-01-05T12:15:00"));
        assertThat(job.startsAsOf(at("2026-01-05T13:05:00"))).containsExactly(instant("2026-01-05T13:05:00"));
    }

    @Test
    void aRunThatOverrunsTheNextSlotsWindowSkipsThatSlotAndSaysSo() {
        job.workFor(at("2026-01-05T14:05:00"), Duration.ofMinutes(118));
        time.stopAt(instant("2026-01-05T16:30:00"));

        scheduler().run();

        assertThat(job.asOfs()).endsWith(at("2026-01-05T14:05:00"), at("2026-01-05T16:05:00"));
        assertThat(job.startsAsOf(at("2026-01-05T16:05:00"))).containsExactly(instant("2026-01-05T16:05:00"));
        assertThat(logs.lines())
                .contains("WARN Skipped 1 slot(s) after 2026-01-05T14:05:00: their windows closed before the"
                        + " scheduler was free at 2026-01-05T16:03:00; next run as of 2026-01-05T16:05:00");
    }

    @Test
    void aStopDuringARunLetsTheRunFinishAndStartsNoOther() {
        job.workFor(Duration.ofMinutes(3));
        time.stopAt(instant("2026-01-05T02:06:00"));

        scheduler().run();

        assertThat(job.asOfs()).last().isEqualTo(at("2026-01-05T02:05:00"));
        assertThat(job.attempts).last().satisfies(last -> assertThat(last.finished())
                .isEqualTo(instant("2026-01-05T02:08:00")));
        assertThat(time.instant()).isEqualTo(instant("2026-01-05T02:08:00"));
        assertThat(logs.lines()).last().asString().startsWith("INFO Scheduler stopped");
    }

    @Test
    void aStopDuringAFailingRunLetsItFinishWithoutARetry() {
        job.workFor(Duration.ofMinutes(3));
        job.failWhile((asOf, now) -> asOf.getHour() == 2);
        time.stopAt(instant("2026-01-05T02:06:00"));

        scheduler().run();

        assertThat(job.startsAsOf(at("2026-01-05T02:05:00"))).hasSize(1);
        assertThat(linesAbout("2026-01-05T02:05:00"))
                .containsExactly("WARN Slot 2026-01-05T02:05:00: failed after 180.0 s: the warehouse is down; no retry:"
                        + " the scheduler is stopping");
    }

    @Test
    void aStopWhileWaitingEndsTheWaitAtOnce() {
        time.stopAt(instant("2026-01-05T00:30:00"));

        scheduler().run();

        assertThat(job.asOfs()).containsExactly(at("2026-01-05T00:05:00"));
        assertThat(time.instant()).isEqualTo(instant("2026-01-05T00:30:00"));
    }

    @Test
    void onStartTheCurrentSlotRunsAtOnceWhileItsWindowIsOpen() {
        startAt(instant("2026-01-05T10:40:00"));
        time.stopAt(instant("2026-01-05T11:30:00"));

        scheduler().run();

        assertThat(job.attempts)
                .extracting(Attempt::started)
                .containsExactly(instant("2026-01-05T10:40:00"), instant("2026-01-05T11:05:00"));
        assertThat(job.asOfs()).containsExactly(at("2026-01-05T10:05:00"), at("2026-01-05T11:05:00"));
        assertThat(logs.lines().get(0))
                .endsWith("first run as of 2026-01-05T10:05:00, now, since its window is still open");
    }

    @Test
    void onStartBeforeTheSlotOfTheHourTheSchedulerWaitsForIt() {
        startAt(instant("2026-01-05T10:04:59"));
        time.stopAt(instant("2026-01-05T10:30:00"));

        scheduler().run();

        assertThat(job.attempts).extracting(Attempt::started).containsExactly(instant("2026-01-05T10:05:00"));
    }

    private Scheduler scheduler() {
        return new Scheduler(HOURLY, RETRY, job, time, time, stop);
    }

    private void startAt(Instant start) {
        time = new SimulatedTime(start, start.plus(3, ChronoUnit.DAYS), stop);
        job = new RecordingJob(time);
    }

    /** The scheduler's log lines about one slot. */
    private List<String> linesAbout(String slot) {
        return logs.lines().stream()
                .filter(line -> line.contains("Slot " + slot + ":") || line.contains("Slot " + slot + ","))
                .toList();
    }

    private static LocalDateTime at(String timestamp) {
        return LocalDateTime.parse(timestamp);
    }

    private static Instant instant(String timestamp) {
        return instant(at(timestamp));
    }

    private static Instant instant(LocalDateTime time) {
        return time.toInstant(ZoneOffset.UTC);
    }

    /** One call of the job. */
    private record Attempt(LocalDateTime asOf, Instant started, Instant finished) {}

    /**
     * A job that takes simulated time and records every call; by default each run succeeds and finds the extract holding
     * the hour before its slot.
     */
    private static final class RecordingJob implements ScheduledJob {
        private final SimulatedTime time;
        private final List<Attempt> attempts = new ArrayList<>();
        private final Map<LocalDateTime, Duration> longRuns = new HashMap<>();
        private Duration work = Duration.ZERO;
        private BiFunction<LocalDateTime, Instant, Boolean> failing = (asOf, now) -> false;
        private final Map<LocalDateTime, Instant> lateHours = new HashMap<>();
        private LocalDateTime refusedAsOf;
        private long runs;
        private boolean running;

        RecordingJob(SimulatedTime time) {
            this.time = time;
        }

        void workFor(Duration duration) {
            work = duration;
        }

        void workFor(LocalDateTime asOf, Duration duration) {
            longRuns.put(asOf, duration);
        }

        void failWhile(BiFunction<LocalDateTime, Instant, Boolean> condition) {
            failing = condition;
        }

        /** The extract still holds the hour before {@code hour} until {@code landing}. */
        void extractLate(LocalDateTime hour, Instant landing) {
            lateHours.put(hour, landing);
        }

        void refuseAt(LocalDateTime asOf) {
            refusedAsOf = asOf;
        }

        @Override
        public RunAttempt run(LocalDateTime asOf) {
            assertThat(running).as("a run starts while another is in flight").isFalse();
            running = true;
            Instant started = time.instant();
            time.work(longRuns.getOrDefault(asOf, work));
            RunAttempt result = outcome(asOf, started);
            attempts.add(new Attempt(asOf, started, time.instant()));
            running = false;
            return result;
        }

        private RunAttempt outcome(LocalDateTime asOf, Instant started) {
            if (failing.apply(asOf, started)) {
                return new RunAttempt.Failed("the warehouse is down");
            }
            LocalDateTime expected = asOf.truncatedTo(ChronoUnit.HOURS).minusHours(1);
            boolean late = started.isBefore(lateHours.getOrDefault(expected, Instant.MIN));
            LocalDateTime held = late ? expected.minusHours(1) : expected;
            boolean refused = asOf.equals(refusedAsOf);
            return new RunAttempt.Completed(
                    ++runs,
                    refused,
                    held,
                    (refused ? "users snapshot refused: too few ids" : "users ok") + "; pageviews ok");
        }

        List<LocalDateTime> asOfs() {
            return attempts.stream().map(Attempt::asOf).distinct().toList();
        }

        List<Instant> startsAsOf(LocalDateTime asOf) {
            return attempts.stream()
                    .filter(attempt -> attempt.asOf().equals(asOf))
                    .map(Attempt::started)
                    .toList();
        }
    }
}
