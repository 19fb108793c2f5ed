package dev.pvw.simulate;

import static java.util.Objects.requireNonNull;

import dev.pvw.warehouse.Warehouse;
import java.util.List;
import java.util.Map;

/**
 * Lands extracts in the warehouse as the extract processes do: empty the extract table, then load it. Each column's
 * values are bound as one array, so that an extract loads in one statement whatever its size.
 */
public final class ExtractLander {
    private final Warehouse warehouse;

    public ExtractLander(Warehouse warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
    }

    /** Replaces the content of {@code raw.users_extract} with these rows; returns how many it loaded. */
    public int landUsers(List<UserExtractRow> rows) {
        Map<String, Object> columns = Map.of(
                "ids", rows.stream().map(UserExtractRow::id).toArray(Long[]::new),
                "postcodes", rows.stream().map(UserExtractRow::postcode).toArray(String[]::new));
        return land("simulate/clear_users_extract", "simulate/insert_users_extract", columns);
    }

    /** Replaces the content of {@code raw.pageviews_extract} with these rows; returns how many it loaded. */
    public int landPageviews(List<PageviewExtractRow> rows) {
        Map<String, Object> columns = Map.of(
                "user_ids",
                rows.stream().map(PageviewExtractRow::userId).toArray(Long[]::new),
                "urls",
                rows.stream().map(PageviewExtractRow::url).toArray(String[]::new),
                "pageview_datetimes",
                rows.stream()
                        .map(row -> Warehouse.timestamp(row.pageviewDatetime()))
                        .toArray(String[]::new));
        return land("simulate/clear_pageviews_extract", "simulate/insert_pageviews_extract", columns);
    }

    private int land(String clear, String insert, Map<String, Object> columns) {
        // One transaction, so that the pipeline never reads an emptied or half-loaded extract.
        return warehouse.inTransaction(() -> {
            warehouse.update(clear, Map.of());
            return warehouse.update(insert, columns);
        });
    }
}
