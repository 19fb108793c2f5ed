package dev.pvw.cli;

import dev.pvw.testing.TestingWarehouse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What runs commit, read back so that two moments or two warehouses can be compared: the marts, ledgers and quarantine
 * row by row, the (possibly millions of rows of) fact and history as a count and an order-independent checksum.
 */
record CommittedState(Map<String, List<List<String>>> tables) {
    private static final List<String> LISTED = List.of(
            "mart.pageviews_hourly_by_current_postcode",
            "mart.pageviews_hourly_by_postcode_at_view",
            "core.pageview_batches",
            "core.users_snapshots",
            "core.quarantined_pageviews",
            "core.quarantined_users");

    private static final Map<String, String> SUMMARISED = Map.of(
            "core.pageview_fact",
            "SELECT count(*), sum(hash(batch_id, user_id, url, pageview_at, hour_start, postcode_at_view))"
                    + " FROM core.pageview_fact",
            "core.user_postcode_history",
            "SELECT count(*), sum(hash(user_id, postcode, is_deleted, is_first, valid_from, valid_to, snapshot_id))"
                    + " FROM core.user_postcode_history");

    CommittedState {
        tables = Map.copyOf(tables);
    }

    static CommittedState of(TestingWarehouse warehouse) {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        for (String table : LISTED) {
            tables.put(table, warehouse.query("SELECT * FROM " + table + " ORDER BY ALL", CommittedState::columns));
        }
        SUMMARISED.forEach((table, sql) -> tables.put(table, warehouse.query(sql, CommittedState::columns)));
        return new CommittedState(tables);
    }

    /** How many pageviews the fact holds. */
    long facts() {
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
