package dev.pvw.query;

/** The periods a mart's hours can be summed into; weeks start on Monday. */
public enum Grain {
    HOUR,
    DAY,
    WEEK,
    MONTH,
    YEAR;

    /** The unit name every supported engine's {@code date_trunc} takes. */
    String truncUnit() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
