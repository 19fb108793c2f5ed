package dev.pvw.serve;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What the page's JSON endpoints answer; timestamps as {@code pvw query} prints them, ISO-8601 without zone, UTC. */
final class Answers {
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private Answers() {}

    static String timestamp(LocalDateTime value) {
        return value == null ? null : ISO_SECONDS.format(value);
    }

    /**
     * Both questions (or one) for some postcodes: {@code periods} is every period with a pageview in any series, and
     * each series has one count per period, 0 where the mart has no row.
     *
     * @param busiest whether the postcodes are the busiest ones (none was chosen)
     */
    record Comparison(
            String grain,
            List<String> postcodes,
            boolean busiest,
            List<String> periods,
            List<Series> series,
            List<Download> downloads) {}

    /** One question's pageviews for one postcode, one count per period of the answer. */
    record Series(String question, String postcode, List<Long> pageviews) {}

    /**
     * One postcode by both questions, and their difference: the pageviews of users who moved in (counted here by
     * current postcode only) less those of users who moved out (counted here at view only).
     */
    record PostcodeHistory(
            String postcode,
            String grain,
            List<String> periods,
            List<Long> current,
            List<Long> atView,
            List<Long> difference,
            List<Download> downloads) {}

    /** A CSV download: the {@code pvw query} command that prints the same rows, and where the page serves them. */
    record Download(String question, String command, String href) {}

    /** A postcode and its pageviews in a window, for the busiest list and the search box's suggestions. */
    record PostcodeTotal(String postcode, long pageviews) {}

    /** The status strip: what {@code pvw status} says first, and the health check of {@code pvw status --check}. */
    record StatusStrip(
            String warehouse,
            String lastHour,
            String snapshotEffective,
            Long snapshotUsers,
            boolean healthy,
            List<String> health) {}
}
