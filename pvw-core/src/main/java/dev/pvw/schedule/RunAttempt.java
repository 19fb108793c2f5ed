package dev.pvw.schedule;

import static java.util.Objects.requireNonNull;

import dev.pvw.pipeline.BatchOutcome;
import dev.pvw.pipeline.RunReport;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;

/** What one attempt to run a slot came to. */
public sealed interface RunAttempt {
    /** What happened, for the scheduler's log line: {@code took} is how long the attempt took. */
    String describe(Duration took);

    /** Whether the attempt should be retried if the slot's window allows: it failed. */
    boolean failed();

    /** The hour of the batch the run found in the pageviews extract, or null (failed, empty or no valid row). */
    LocalDateTime batchHour();

    /** From the report of a run that committed. */
    static RunAttempt of(RunReport report) {
        requireNonNull(report, "report");
        return new Completed(
                report.runId(),
                report.refused(),
                batchHour(report.pageviews()),
                report.users().describe() + "; " + report.pageviews().describe());
    }

    private static LocalDateTime batchHour(BatchOutcome pageviews) {
        if (pageviews instanceof BatchOutcome.Loaded loaded) {
            return loaded.batchHour();
        }
        if (pageviews instanceof BatchOutcome.Unchanged unchanged) {
            return unchanged.batchHour();
        }
        return null;
    }

    /**
     * The run committed (pvw run would exit 0, or 3 when {@code refused}): a users snapshot refused by a guard is a
     * completed run, since the pageview batch was still processed and the same extract would be refused again.
     */
    record Completed(long runId, boolean refused, LocalDateTime batchHour, String summary) implements RunAttempt {
        public Completed {
            requireNonNull(summary, "summary");
        }

        @Override
        public String describe(Duration took) {
            return "run " + runId + (refused ? " completed with the users snapshot refused" : " succeeded") + " in "
                    + seconds(took) + ": " + summary;
        }

        @Override
        public boolean failed() {
            return false;
        }
    }

    /** The run did not commit (pvw run would exit 1): an error, or the warehouse held by another run too long. */
    record Failed(String message) implements RunAttempt {
        public Failed {
            requireNonNull(message, "message");
        }

        @Override
        public String describe(Duration took) {
            return "failed after " + seconds(took) + ": " + message;
        }

        @Override
        public boolean failed() {
            return true;
        }

        @Override
        public LocalDateTime batchHour() {
            return null;
        }
    }

    private static String seconds(Duration took) {
        return String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
    }
}
