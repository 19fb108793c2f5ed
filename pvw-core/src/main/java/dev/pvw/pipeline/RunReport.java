package dev.pvw.pipeline;

import static java.util.Objects.requireNonNull;

import dev.pvw.quality.CheckReport;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The outcome of one run: its id, its logical time, what it did with each extract and with the quarantine, what its
 * checks looked at, and anything it did that the operator should know of (a missing extract table it recreated).
 */
public record RunReport(
        long runId,
        LocalDateTime asOf,
        SnapshotOutcome users,
        BatchOutcome pageviews,
        QuarantinePurge quarantine,
        CheckReport checks,
        List<String> notices) {
    public RunReport {
        requireNonNull(asOf, "asOf");
        requireNonNull(users, "users");
        requireNonNull(pageviews, "pageviews");
        requireNonNull(quarantine, "quarantine");
        requireNonNull(checks, "checks");
        notices = List.copyOf(notices);
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
