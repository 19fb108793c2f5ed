package dev.pvw.simulate;

import java.util.Arrays;

/**
 * The shape of a day's traffic on a UK website. The rest of the shape (sessions, pages, activity) is drawn in the
 * simulation SQL, {@code sql/duckdb/simulate/}, which these numbers feed.
 */
final class Traffic {
    /** Relative traffic by hour of day (UTC, which is UK time in winter): a night trough, an evening peak. */
    private static final double[] HOURLY_WEIGHTS = {
        2.0, 1.2, 0.8, 0.6, 0.6, 0.9, 1.8, 3.2, 4.4, 4.8, 4.9, 5.0,
        5.6, 5.3, 4.9, 4.8, 5.0, 5.4, 6.0, 6.8, 7.2, 6.6, 4.8, 3.1
    };

    private static final double TOTAL_WEIGHT = Arrays.stream(HOURLY_WEIGHTS).sum();

    /**
     * Pageviews in a session on average: a session's length is 1 plus a geometric number with this mean minus one
     * ({@code simulate/land_pageviews.sql}), capped at 30.
     */
    static final double MEAN_VIEWS_PER_SESSION = 4;

    /**
     * Spread of activity between users: each user's activity is log-normal with this sigma
     * ({@code simulate/macros.sql}), so most view a few pages and a few view very many.
     */
    static final double ACTIVITY_SPREAD = 0.8;

    /** The mean of that log-normal activity, by which each user's activity is divided. */
    static final double MEAN_ACTIVITY = Math.exp(ACTIVITY_SPREAD * ACTIVITY_SPREAD / 2);

    /** How far an hour's volume strays from the traffic curve, either way. */
    static final double VOLUME_NOISE = 0.1;

    private Traffic() {}

    /** The share of a day's pageviews that falls in {@code hour} (0 to 23); the shares add up to 1. */
    static double shareOfDay(int hour) {
        return HOURLY_WEIGHTS[hour] / TOTAL_WEIGHT;
    }
}
