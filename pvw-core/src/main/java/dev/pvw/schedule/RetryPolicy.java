package dev.pvw.schedule;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** How long to wait before retrying a slot: {@code firstDelay}, doubled after each failure, at most {@code longestDelay}. */
public record RetryPolicy(Duration firstDelay, Duration longestDelay) {
    /** The longest wait between two attempts unless the first delay is longer. */
    public static final Duration LONGEST_DELAY = Duration.ofMinutes(15);

    public RetryPolicy {
        requireNonNull(firstDelay, "firstDelay");
        requireNonNull(longestDelay, "longestDelay");
        if (firstDelay.isZero() || firstDelay.isNegative()) {
            throw new IllegalArgumentException("the first retry delay must be more than zero, not " + firstDelay);
        }
        if (longestDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException(
                    "the longest retry delay " + longestDelay + " must not be shorter than the first " + firstDelay);
        }
    }

    /** Starts at {@code firstDelay} and doubles up to {@link #LONGEST_DELAY} (or {@code firstDelay}, if longer). */
    public static RetryPolicy startingAt(Duration firstDelay) {
        requireNonNull(firstDelay, "firstDelay");
        return new RetryPolicy(firstDelay, firstDelay.compareTo(LONGEST_DELAY) > 0 ? firstDelay : LONGEST_DELAY);
    }

    /** The wait after the {@code failures}-th failed attempt of a slot (1 for the first). */
    public Duration delayAfter(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be 1 or more, not " + failures);
        }
        Duration delay = firstDelay;
        for (int doubling = 1; doubling < failures && delay.compareTo(longestDelay) < 0; doubling++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(longestDelay) > 0 ? longestDelay : delay;
    }
}
