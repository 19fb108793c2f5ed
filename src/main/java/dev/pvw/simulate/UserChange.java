package dev.pvw.simulate;

import static java.util.Objects.requireNonNull;

/**
 * What happens to one user during a simulated day, and at which hour: it decides when the user starts or stops
 * viewing pages; the users extract only sees the outcome the next morning.
 *
 * @param postcode the user's postcode after the change (for a deleted user, the one it left with)
 */
record UserChange(Kind kind, long userId, String postcode, int hour) {
    UserChange {
        requireNonNull(kind, "kind");
        requireNonNull(postcode, "postcode");
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour must be from 0 to 23, not " + hour);
        }
    }

    /** Whether the user views pages in {@code viewHour} of the day as far as this change is concerned. */
    boolean startsViewingBy(int viewHour) {
        return (kind == Kind.NEW || kind == Kind.RETURNED) && hour <= viewHour;
    }

    /** Whether the user has stopped viewing pages by {@code viewHour} of the day because of this change. */
    boolean stoppedViewingBy(int viewHour) {
        return kind == Kind.DELETED && hour <= viewHour;
    }

    /** The kinds of change the operational database sees. */
    enum Kind {
        NEW,
        MOVED,
        DELETED,
        RETURNED
    }
}
