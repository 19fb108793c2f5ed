package dev.pvw.simulate;

import static java.util.Objects.requireNonNull;

import dev.pvw.pipeline.SnapshotOutcome;
import java.time.Duration;
import java.time.LocalDate;

/**
 * What the scheduler's runs of one simulated day did.
 *
 * @param users what the day's 00:05 run did with that morning's users extract
 * @param pageviewsCounted pageviews counted into the marts by the day's runs
 * @param rowsQuarantined extract rows (users and pageviews) the day's runs quarantined
 * @param elapsed real time the day took to land and run
 */
public record DayProgress(
        LocalDate day, int runs, SnapshotOutcome users, long pageviewsCounted, long rowsQuarantined, Duration elapsed) {
    public DayProgress {
        requireNonNull(day, "day");
        requireNonNull(users, "users");
        requireNonNull(elapsed, "elapsed");
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, not " + runs);
        }
    }
}
