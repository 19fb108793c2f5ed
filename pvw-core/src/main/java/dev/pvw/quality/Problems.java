package dev.pvw.quality;

import dev.pvw.warehouse.Mart;
import dev.pvw.warehouse.RowMapper;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** The checks' problem rows, each described in words a user can act on (no semicolons: they go in one sentence). */
final class Problems {
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** A row of {@code quality/fact_vs_ledger}. */
    static final RowMapper<String> BATCH = row -> {
        long batch = row.getLong("batch_id");
        if (!row.getBoolean("in_ledger")) {
            return "the fact holds " + count(row.getLong("fact_rows"), "row") + " and the quarantine "
                    + row.getLong("quarantine_rows") + " of batch " + batch + ", which the ledger does not know";
        }
        LocalDateTime hour = row.getTimestamp("batch_hour");
        return "batch " + batch + (hour == null ? " (no valid rows)" : " for hour " + format(hour)) + " held "
                + count(row.getLong("extract_rows"), "row") + " in its extract, of which the ledger counted "
                + row.getLong("counted_rows") + " and quarantined " + row.getLong("quarantined_rows")
                + ", but the fact holds " + row.getLong("fact_rows") + " (expected " + row.getLong("expected_fact_rows")
                + ") and the quarantine " + row.getLong("quarantine_rows") + " (expected "
                + row.getLong("expected_quarantine_rows") + ")";
    };

    /** A row of {@code quality/snapshot_vs_ledger}. */
    static final RowMapper<String> SNAPSHOT = row -> {
        long snapshot = row.getLong("snapshot_id");
        if (!row.getBoolean("in_ledger")) {
            return "the quarantine holds " + count(row.getLong("quarantine_rows"), "row") + " of users snapshot "
                    + snapshot + ", which the ledger does not know";
        }
        return "users snapshot " + snapshot + " quarantined " + count(row.getLong("quarantined_rows"), "row")
                + " according to the ledger, but the quarantine holds " + row.getLong("quarantine_rows")
                + " (expected " + row.getLong("expected_quarantine_rows") + ")";
    };

    private Problems() {}

    /** A row of {@code quality/mart_keys} for {@code mart}. */
    static RowMapper<String> key(Mart mart) {
        return row -> {
            String where = " for " + format(row.getTimestamp("hour_start")) + " and postcode "
                    + Printable.postcode(row.getString("postcode"));
            long rows = row.getLong("mart_rows");
            if (rows > 1) {
                return mart.table() + " has " + count(rows, "row") + where;
            }
            if ("".equals(row.getString("postcode"))) {
                return mart.table() + " has an empty postcode instead of NULL" + where;
            }
            return mart.table() + " counts " + row.getLong("min_pageviews") + " pageviews" + where;
        };
    }

    /** A row of {@code quality/mart_totals} for {@code mart}. */
    static RowMapper<String> total(Mart mart) {
        return row -> mart.table() + " counts " + row.getLong("mart_pageviews") + " pageviews for "
                + format(row.getTimestamp("hour_start")) + " but the fact holds "
                + row.getLong("fact_pageviews");
    }

    /** A row of {@code quality/current_postcodes} or {@code quality/at_view_postcodes}. */
    static RowMapper<String> postcode(Mart mart, String meaning) {
        return row -> mart.table() + " counts " + row.getLong("mart_pageviews") + " pageviews for "
                + format(row.getTimestamp("hour_start")) + " under postcode "
                + Printable.postcode(row.getString("postcode")) + ", but " + row.getLong("fact_pageviews")
                + " of the fact's pageviews that hour " + meaning;
    }

    /** A row of {@code quality/daily_marts} for {@code mart}'s daily mart. */
    static RowMapper<String> daily(Mart mart) {
        return row -> {
            String where = " for the day " + format(row.getTimestamp("day_start")) + " and postcode "
                    + Printable.postcode(row.getString("postcode"));
            long daily = row.getLong("daily_pageviews");
            long hourly = row.getLong("hourly_pageviews");
            if (daily == hourly) {
                return mart.dailyTable() + " has a row counting " + row.getLong("min_daily_row") + " pageviews" + where;
            }
            return mart.dailyTable() + " counts " + daily + " pageviews" + where + ", but " + mart.table() + " sums to "
                    + hourly;
        };
    }

    /** A row of {@code quality/rollup_vs_fact}. */
    static final RowMapper<String> ROLLUP = row -> "core.pageview_user_hours counts "
            + row.getLong("rollup_pageviews") + " pageviews of batch " + row.getLong("batch_id") + " for "
            + format(row.getTimestamp("hour_start")) + " with postcode at view "
            + Printable.postcode(row.getString("postcode_at_view")) + ", but the fact holds "
            + row.getLong("fact_pageviews");

    /** A number with its noun, in the plural unless the number is one. */
    static String count(long number, String noun) {
        return String.format("%,d %s", number, number == 1 ? noun : noun + "s");
    }

    static String format(LocalDateTime value) {
        return value == null ? "(none)" : ISO_SECONDS.format(value);
    }

    /**
     * A row of {@code quality/history}: a problem of one of the history checks, or (without a check) how many users'
     * histories were checked, in {@code versions}.
     */
    record HistoryRow(
            Optional<Check> check,
            long user,
            LocalDateTime validFrom,
            LocalDateTime validTo,
            LocalDateTime nextValidFrom,
            long versions) {
        static final RowMapper<HistoryRow> MAPPER = row -> new HistoryRow(
                "users".equals(row.getString("check_name"))
                        ? Optional.empty()
                        : Optional.of(Check.named(row.getString("check_name"))),
                row.getLong("user_id"),
                row.getTimestamp("valid_from"),
                row.getTimestamp("valid_to"),
                row.getTimestamp("next_valid_from"),
                row.getLong("versions"));

        String describe() {
            String from = format(validFrom);
            return switch (check.orElseThrow()) {
                case HISTORY_OVERLAP -> nextValidFrom == null
                        ? "user " + user + "'s version from " + from + " ends at " + format(validTo)
                                + ", before it starts"
                        : "user " + user + "'s version from " + from + " to "
                                + (validTo == null ? "(open)" : format(validTo)) + " overlaps the next one, from "
                                + format(nextValidFrom);
                case HISTORY_HOLE -> "user " + user + " has no version from " + format(validTo) + " to "
                        + format(nextValidFrom);
                case HISTORY_OPEN_VERSION -> versions == 0
                        ? "user " + user + " has no open version"
                        : "user " + user + " has " + versions + " open versions";
                case HISTORY_FIRST_VERSION -> versions == 1
                        ? "user " + user + "'s earliest version, from " + from + ", is not the one marked first"
                        : "user " + user + " has " + versions + " versions marked first, where only its earliest,"
                                + " from " + from + ", should be";
                default -> throw new IllegalStateException("Not a history check: " + check.get());
            };
        }
    }
}
