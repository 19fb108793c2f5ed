package dev.pvw.reference;

import dev.pvw.testing.MartRow;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** How a mart read from the warehouse differs from the model's, in lines a person can read. */
final class MartDifferences {
    private MartDifferences() {}

    /**
     * One line per (hour, postcode) where the mart is not the model: a missing, extra, wrong or repeated row. Keyed
     * rather than ordered, so that an engine's collation cannot fail the test, and short enough to read.
     */
    static List<String> between(List<MartRow> expected, List<MartRow> actual) {
        Map<HourAndPostcode, List<Long>> expectedCounts = countsByKey(expected);
        Map<HourAndPostcode, List<Long>> actualCounts = countsByKey(actual);
        TreeSet<HourAndPostcode> keys = new TreeSet<>(expectedCounts.keySet());
        keys.addAll(actualCounts.keySet());
        List<String> differences = new ArrayList<>();
        for (HourAndPostcode key : keys) {
            List<Long> want = expectedCounts.getOrDefault(key, List.of());
            List<Long> have = actualCounts.getOrDefault(key, List.of());
            if (!want.equals(have)) {
                differences.add(String.format(
                        "%s %-9s expected %s, actual %s",
                        key.hourStart(), label(key.postcode()), show(want), show(have)));
            }
        }
        return differences;
    }

    private static Map<HourAndPostcode, List<Long>> countsByKey(List<MartRow> rows) {
        Map<HourAndPostcode, List<Long>> counts = new HashMap<>();
        for (MartRow row : rows) {
            counts.computeIfAbsent(new HourAndPostcode(row.hourStart(), row.postcode()), key -> new ArrayList<>())
                    .add(row.pageviews());
        }
        return counts;
    }

    private static String show(List<Long> counts) {
        if (counts.isEmpty()) {
            return "no row";
        }
        return counts.size() == 1 ? counts.get(0).toString() : counts + " (repeated rows)";
    }

    private static String label(String postcode) {
        return postcode == null ? "(unknown)" : postcode;
    }

    private record HourAndPostcode(LocalDateTime hourStart, String postcode) implements Comparable<HourAndPostcode> {
        @Override
        public int compareTo(HourAndPostcode other) {
            int byHour = hourStart.compareTo(other.hourStart);
            if (byHour != 0) {
                return byHour;
            }
            if (Objects.equals(postcode, other.postcode)) {
                return 0;
            }
            if (postcode == null) {
                return -1;
            }
            return other.postcode == null ? 1 : postcode.compareTo(other.postcode);
        }
    }
}
