package dev.pvw.state;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How old the newest data may be before {@code pvw status --check} reports it: the time from the end of the newest
 * loaded pageview hour, and from the effective time of the newest users snapshot, to the time checked.
 */
public record FreshnessLimits(Duration maxBatchAge, Duration maxSnapshotAge) {
    /** An hourly run at HH:05 keeps the newest hour's end within 1h05m; 2h leaves room for one late or retried run. */
    public static final Duration DEFAULT_MAX_BATCH_AGE = Duration.ofHours(2);

    /** A snapshot is effective from 00:00 of its day and the next day's lands around 00:00: 26h allows two hours late. */
    public static final Duration DEFAULT_MAX_SNAPSHOT_AGE = Duration.ofHours(26);

    public FreshnessLimits {
        requirePositive("maxBatchAge", maxBatchAge);
        requirePositive("maxSnapshotAge", maxSnapshotAge);
    }

    public static FreshnessLimits defaults() {
        return new FreshnessLimits(DEFAULT_MAX_BATCH_AGE, DEFAULT_MAX_SNAPSHOT_AGE);
    }

    private static void requirePositive(String name, Duration value) {
        requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be more than zero, not " + value);
        }
    }
}
