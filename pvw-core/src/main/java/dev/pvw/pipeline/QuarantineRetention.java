package dev.pvw.pipeline;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import java.time.LocalDateTime;

/** How long quarantined rows are kept: a run deletes those of runs that started longer ago than this. */
public record QuarantineRetention(int days) {
    /** The retention when none is given. */
    public static final QuarantineRetention DEFAULT = new QuarantineRetention(90);

    /** A hundred years: more is not a retention. */
    static final int MAXIMUM_DAYS = 36_500;

    public QuarantineRetention {
        if (days < 1 || days > MAXIMUM_DAYS) {
            throw new PvwException(
                    ErrorCode.USAGE,
                    "--quarantine-retention-days must be between 1 and " + MAXIMUM_DAYS + ", not " + days + ".");
        }
    }

    /** Rows of runs started before this moment are deleted by a run starting at {@code now}. */
    LocalDateTime cutoff(LocalDateTime now) {
        return now.minusDays(days);
    }
}
