package dev.pvw.schedule;

import java.time.LocalDateTime;

/** The work the scheduler runs for each slot; a failure is an outcome, not an exception. */
@FunctionalInterface
public interface ScheduledJob {
    RunAttempt run(LocalDateTime asOf);
}
