package dev.pvw.testing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What runs commit, read back so that two moments or two warehouses can be compared: the marts, ledgers and quarantine
 * row by row, the (possibly millions of rows of) fact and history as a count and an order-independent checksum.
 */
public record CommittedState(Map<String, List<List<String>>> tables) {
    private static final List<String> LISTED = List.of(
            "mart.pageviews_hourly_by_current_postcode",
            "mart.pageviews_hourly_by_postcode_at_view",
            "core.pageview_batches",
            "core.users_snapshots",
            "core.quarantined_pageviews",
            "core.quarantined_users");

    private static final Map<String, String> SUMMARISED = Map.of(
            "core.pageview_fact",
            "batch_id, user_id, url, pageview_at, hour_start, postcode_at_view",
            "core.user_postcode_history",
            "user_id, postcode, is_deleted, is_first, valid_from, valid_to, snapshot_id");

    /** Rows in an order of their own, whatever the engine's collation: any fixed order lets two states be compared. */
    private static final Comparator<List<String>> ROW_ORDER = (left, right) -> {
        for (int column = 0; column < Math.min(left.size(), right.size()); column++) {
            int compared = Comparator.nullsFirst(Comparator.<String>naturalOrder())
                    .compare(left.get(column), right.get(column));
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(left.size(), right.size());
    };

    public CommittedState {
        tables = Map.copyOf(tables);
    }

    public static CommittedState of(TestingWarehouse warehouse) {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        for (String table : LISTED) {
            List<List<String>> rows =
                    new ArrayList<>(warehouse.query("SELECT * FROM " + table, CommittedState::columns));
            rows.sort(ROW_ORDER);
            tables.put(table, rows);
        }
        SUMMARISED.forEach((table, columns) -> tables.put(
                table,
                warehouse.query(
                        "SELECT count(*), sum(" + rowHash(warehouse, columns) + ") FROM " + table,
                        CommittedState::columns)));
        return new CommittedState(tables);
    }

    /** A number per row from these columns, NULLs included; each engine has its own hash function. */
    private static String rowHash(TestingWarehouse warehouse, String columns) {
        return switch (warehouse.engine().name()) {
            case "duckdb" -> "hash(" + columns + ")";
            case "postgresql" -> "hashtext(CAST(ROW(" + columns + ") AS text))";
                // Spark's hashes skip NULLs, and its BIGINT sum fails on overflow: a hash of the row as JSON, as
                // DECIMAL.
            case "spark" -> "CAST(xxhash64(to_json(struct(" + columns + "))) AS DECIMAL(38, 0))";
            default -> throw new IllegalArgumentException(
                    "No row hash for engine " + warehouse.engine().name());
        };
    }

    /** How many pageviews the fact holds. */
    public long facts() {
        return Long.parseLong(tables.get("core.pageview_fact").get(0).get(0));
    }

    private static List<String> columns(ResultSet rs) throws SQLException {
        List<String> values = new ArrayList<>();
        for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
            values.add(rs.getString(column));
        }
        return values;
    }
}
