package dev.pvw.simulate;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** The shape of a day's traffic on a UK website, and the pages people view. */
final class Traffic {
    /** Relative traffic by hour of day (UTC, which is UK time in winter): a night trough, an evening peak. */
    private static final double[] HOURLY_WEIGHTS = {
        2.0, 1.2, 0.8, 0.6, 0.6, 0.9, 1.8, 3.2, 4.4, 4.8, 4.9, 5.0,
        5.6, 5.3, 4.9, 4.8, 5.0, 5.4, 6.0, 6.8, 7.2, 6.6, 4.8, 3.1
    };

    private static final double TOTAL_WEIGHT = Arrays.stream(HOURLY_WEIGHTS).sum();

    private static final String SITE = "www.website.com/";

    private Traffic() {}

    /** The share of a day's pageviews that falls in {@code hour} (0 to 23); the shares add up to 1. */
    static double shareOfDay(int hour) {
        return HOURLY_WEIGHTS[hour] / TOTAL_WEIGHT;
    }

    /** A page, the home page and articles more often than the rest. */
    static String url(RandomGenerator random) {
        int draw = random.nextInt(100);
        if (draw < 25) {
            return SITE + "index.html";
        }
        if (draw < 55) {
            return SITE + "news/" + (1 + random.nextInt(300)) + ".html";
        }
        if (draw < 80) {
            return SITE + "products/" + (1 + random.nextInt(500)) + ".html";
        }
        if (draw < 90) {
            return SITE + "search.html";
        }
        return SITE + (draw < 95 ? "account.html" : "basket.html");
    }
}
