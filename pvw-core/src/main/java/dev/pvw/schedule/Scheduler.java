package dev.pvw.schedule;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs a job on a cron schedule until stopped, one slot at a time, so that two runs never overlap. Each run is as of
 * its slot's scheduled time. A failed run, or one that found the pageviews extract not yet holding the hour before the
 * slot (a late extract), is retried with a growing delay while the retry can start within the slot's window; a run
 * that overran is followed at once by the latest slot whose window is still open. One log line per attempt.
 */
public final class Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final CronSchedule schedule;
    private final RetryPolicy retry;
    private final ScheduledJob job;
    private final Clock clock;
    private final Sleeper sleeper;
    private final StopSignal stop;

    public Scheduler(
            CronSchedule schedule, RetryPolicy retry, ScheduledJob job, Clock clock, Sleeper sleeper, StopSignal stop) {
        this.schedule = requireNonNull(schedule, "schedule");
        this.retry = requireNonNull(retry, "retry");
        this.job = requireNonNull(job, "job");
        this.clock = requireNonNull(clock, "clock");
        this.sleeper = requireNonNull(sleeper, "sleeper");
        this.stop = requireNonNull(stop, "stop");
    }

    /** Runs slots until a stop is requested; returns once the run in flight, if any, has finished. */
    public void run() {
        Instant now = clock.instant();
        Slot slot = schedule.due(now, null);
        LOG.info(
                "Scheduler started: {} (cron '{}', UTC), each run as of its scheduled time; first run as of {}{}",
                schedule.description(),
                schedule.expression(),
                format(slot.scheduledAt()),
                slot.isOpenAt(now) ? ", now, since its window is still open" : "");
        while (waitUntil(slot.scheduledAt())) {
            runSlot(slot);
            if (stop.isRequested()) {
                break;
            }
            Slot next = schedule.due(clock.instant(), slot.scheduledAt());
            long skipped = schedule.firingsBetween(slot.scheduledAt(), next.scheduledAt());
            if (skipped > 0) {
                LOG.warn(
                        "Skipped {} slot(s) after {}: their windows closed before the scheduler was free at {};"
                                + " next run as of {}",
                        skipped,
                        format(slot.scheduledAt()),
                        format(clock.instant()),
                        format(next.scheduledAt()));
            }
            slot = next;
        }
        LOG.info("Scheduler stopped: a stop was requested and no run is in flight");
    }

    /** Runs a slot, then retries it while the outcome asks for it and the window allows. */
    private void runSlot(Slot slot) {
        for (int attempt = 1; ; attempt++) {
            Instant started = clock.instant();
            RunAttempt result = job.run(slot.asOf());
            Instant finished = clock.instant();
            Optional<Instant> retryAt = report(slot, attempt, result, Duration.between(started, finished));
            if (retryAt.isEmpty() || !waitUntil(retryAt.get())) {
                return;
            }
        }
    }

    /** Logs the attempt's one line and returns when to retry it, if it should be and can be. */
    private Optional<Instant> report(Slot slot, int attempt, RunAttempt result, Duration took) {
        String line = "Slot " + format(slot.scheduledAt()) + (attempt > 1 ? ", attempt " + attempt : "") + ": "
                + result.describe(took);
        boolean extractLate = !result.failed() && extractLate(result, slot);
        try (MDC.MDCCloseable ignored = runContext(result)) {
            if (!result.failed() && !extractLate) {
                logCompleted(result, line);
                return Optional.empty();
            }
            String because = extractLate ? lateness(result, slot) : "";
            if (stop.isRequested()) {
                LOG.warn("{}{}; no retry: the scheduler is stopping", line, because);
                return Optional.empty();
            }
            Instant retryAt = clock.instant().plus(retry.delayAfter(attempt));
            if (!retryAt.isBefore(slot.deadline())) {
                LOG.error(
                        "{}{}; no retry fits before {}, when the slot's window closes{}",
                        line,
                        because,
                        format(slot.deadline()),
                        extractLate ? lostHourAdvice(slot) : "");
                return Optional.empty();
            }
            LOG.warn("{}{}; retry at {}", line, because, format(retryAt));
            return Optional.of(retryAt);
        }
    }

    /**
     * Whether the run found the pageviews extract not yet holding the hour before the slot: it is late, or still being
     * loaded. A refused users snapshot is no reason to retry: the same extract would be refused again.
     */
    private static boolean extractLate(RunAttempt result, Slot slot) {
        LocalDateTime found = result.batchHour();
        return found == null || found.isBefore(slot.expectedHour());
    }

    private static String lateness(RunAttempt result, Slot slot) {
        LocalDateTime found = result.batchHour();
        return "; the pageviews extract does not hold hour " + format(slot.expectedHour()) + " yet (it holds "
                + (found == null ? "no valid rows" : "hour " + format(found)) + "; late extract?)";
    }

    private static void logCompleted(RunAttempt result, String line) {
        if (result instanceof RunAttempt.Completed completed && completed.refused()) {
            LOG.warn("{}; not retried: the same extract would be refused again", line);
            return;
        }
        LOG.info("{}", line);
    }

    private static String lostHourAdvice(Slot slot) {
        return ": if hour " + format(slot.expectedHour())
                + " never lands, it is lost; load it from the extract archive and backfill it (docs/scheduling.md)";
    }

    private static MDC.MDCCloseable runContext(RunAttempt result) {
        String run = result instanceof RunAttempt.Completed completed ? Long.toString(completed.runId()) : "-";
        return MDC.putCloseable("run", run);
    }

    /** Waits until {@code time}; false if a stop was requested first. */
    private boolean waitUntil(Instant time) {
        while (!stop.isRequested()) {
            Duration left = Duration.between(clock.instant(), time);
            if (left.isZero() || left.isNegative()) {
                return true;
            }
            try {
                sleeper.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.requestStop();
            }
        }
        return false;
    }

    private static String format(Instant time) {
        return TIME.format(time);
    }

    private static String format(LocalDateTime time) {
        return TIME.format(time.atOffset(ZoneOffset.UTC));
    }
}
