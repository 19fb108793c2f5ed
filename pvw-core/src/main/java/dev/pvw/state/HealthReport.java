package dev.pvw.state;

import static dev.pvw.state.Texts.age;
import static dev.pvw.state.Texts.timestamp;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** The outcome of a {@link HealthCheck}: the problems found, and the facts they were judged on. */
public record HealthReport(
        LocalDateTime asOf,
        Optional<LocalDateTime> newestHour,
        Optional<LocalDateTime> snapshotEffectiveFrom,
        Optional<WarehouseStatus.Run> lastRun,
        List<Problem> problems) {
    public HealthReport {
        requireNonNull(asOf, "asOf");
        requireNonNull(newestHour, "newestHour");
        requireNonNull(snapshotEffectiveFrom, "snapshotEffectiveFrom");
        requireNonNull(lastRun, "lastRun");
        problems = List.copyOf(problems);
    }

    public boolean healthy() {
        return problems.isEmpty();
    }

    /** One line per problem, or a single line starting with OK and the facts that make it so. */
    public List<String> lines() {
        if (!healthy()) {
            return problems.stream().map(Problem::describe).toList();
        }
        // Healthy implies a batch, a snapshot and a run that succeeded.
        LocalDateTime hour = newestHour.orElseThrow();
        LocalDateTime effective = snapshotEffectiveFrom.orElseThrow();
        WarehouseStatus.Run run = lastRun.orElseThrow();
        return List.of("OK as of " + timestamp(asOf) + ": no missing hour; the newest pageview hour "
                + timestamp(hour) + " ended " + age(Duration.between(hour.plusHours(1), asOf))
                + " before; the users snapshot effective from " + timestamp(effective) + " is "
                + age(Duration.between(effective, asOf)) + " old; the last run, #" + run.runId() + " as of "
                + timestamp(run.asOf()) + ", " + run.outcome() + ".");
    }
}
