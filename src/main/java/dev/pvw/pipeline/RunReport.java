package dev.pvw.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;

/** The outcome of one run: its id, its logical time and what it did with each extract. */
public record RunReport(long runId, LocalDateTime asOf, SnapshotOutcome users, BatchOutcome pageviews) {
    public RunReport {
        requireNonNull(asOf, "asOf");
        requireNonNull(users, "users");
        requireNonNull(pageviews, "pageviews");
    }

    /** Whether a guard refused the users snapshot (the pageview batch was still processed). */
    public boolean refused() {
        return users instanceof SnapshotOutcome.Refused;
    }

    /** The run log's outcome word. */
    public String outcome() {
        return refused() ? "refused" : "succeeded";
    }
}
