package dev.pvw.schedule;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** One firing of the schedule: the run's logical time, and the end of the window in which it may run or retry. */
public record Slot(Instant scheduledAt, Instant deadline) {
    public Slot {
        requireNonNull(scheduledAt, "scheduledAt");
        requireNonNull(deadline, "deadline");
        if (!deadline.isAfter(scheduledAt)) {
            throw new IllegalArgumentException(
                    "a slot's deadline " + deadline + " must be after its time " + scheduledAt);
        }
    }

    /** The run's --as-of: the scheduled time, UTC. */
    public LocalDateTime asOf() {
        return LocalDateTime.ofInstant(scheduledAt, ZoneOffset.UTC);
    }

    /** The hour whose pageviews the hourly extract holds at this slot: the hour before the slot's own. */
    public LocalDateTime expectedHour() {
        return asOf().truncatedTo(ChronoUnit.HOURS).minusHours(1);
    }

    /** Whether a run of this slot may start at {@code time}. */
    public boolean isOpenAt(Instant time) {
        return !time.isBefore(scheduledAt) && time.isBefore(deadline);
    }
}
