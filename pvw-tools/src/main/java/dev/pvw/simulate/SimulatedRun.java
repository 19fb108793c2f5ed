package dev.pvw.simulate;

import static java.util.Objects.requireNonNull;

import dev.pvw.pipeline.RunReport;
import java.time.Duration;

/**
 * One run of a simulated schedule.
 *
 * @param report what the run did
 * @param usersLanded whether the users extract landed just before this run
 * @param rowsLanded rows of the extract that landed just before it (pageviews, or users when {@code usersLanded})
 * @param elapsed the run's real time, from start to commit
 * @param cpu the CPU time the process used meanwhile, on all its threads (zero where the JVM cannot tell)
 */
public record SimulatedRun(RunReport report, boolean usersLanded, long rowsLanded, Duration elapsed, Duration cpu) {
    public SimulatedRun {
        requireNonNull(report, "report");
        requireNonNull(elapsed, "elapsed");
        requireNonNull(cpu, "cpu");
        if (rowsLanded < 0) {
            throw new IllegalArgumentException("rowsLanded must be 0 or more, not " + rowsLanded);
        }
    }
}
