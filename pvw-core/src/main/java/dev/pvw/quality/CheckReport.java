package dev.pvw.quality;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The results of every check over one scope, which the scope describes in words. */
public record CheckReport(String scope, List<CheckResult> results, Duration elapsed) {
    public CheckReport {
        requireNonNull(scope, "scope");
        results = List.copyOf(results);
        requireNonNull(elapsed, "elapsed");
    }

    public boolean passed() {
        return failures().isEmpty();
    }

    public List<CheckResult.Failed> failures() {
        return results.stream()
                .filter(CheckResult.Failed.class::isInstance)
                .map(CheckResult.Failed.class::cast)
                .toList();
    }

    /**
     * The first failed check with its first problem, and the names of any other failed checks, as one clause without
     * a semicolon, ready to go in a sentence; call only when a check failed.
     */
    public String failureClause() {
        List<CheckResult.Failed> failures = failures();
        if (failures.isEmpty()) {
            throw new IllegalStateException("No check failed");
        }
        CheckResult.Failed first = failures.get(0);
        String clause = "check " + first.check() + " failed: " + first.summary();
        if (failures.size() == 1) {
            return clause;
        }
        return clause + ", and so did "
                + failures.subList(1, failures.size()).stream()
                        .map(failed -> failed.check().checkName())
                        .collect(Collectors.joining(", "));
    }
}
