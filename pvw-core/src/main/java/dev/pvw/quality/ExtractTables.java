package dev.pvw.quality;

import static java.util.Objects.requireNonNull;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The two extract tables as the extract processes left them: whether they have the columns pvw reads with types it
 * can read (SPEC section 2), checked before a run reads anything so that a malformed extract
 * fails with the table and column named instead of half-way through with an engine's message.
 */
public final class ExtractTables {
    /** The columns pvw reads, in the contract's order. */
    static final List<ExpectedColumn> EXPECTED = List.of(
            new ExpectedColumn("users_extract", "id", "integer", "BIGINT"),
            new ExpectedColumn("users_extract", "postcode", "text", "VARCHAR"),
            new ExpectedColumn("pageviews_extract", "user_id", "integer", "BIGINT"),
            new ExpectedColumn("pageviews_extract", "url", "text", "VARCHAR"),
            new ExpectedColumn("pageviews_extract", "pageview_datetime", "timestamp", "TIMESTAMP"));

    private final Warehouse warehouse;

    public ExtractTables(Warehouse warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
    }

    /** Fails with one sentence naming every missing column and every column of a type pvw cannot read. */
    public void verifyColumns() {
        Map<String, Map<String, FoundColumn>> found = new LinkedHashMap<>();
        warehouse
                .query(
                        "extracts/columns",
                        Map.of(),
                        row -> new FoundColumn(
                                row.getString("table_name"),
                                row.getString("column_name"),
                                row.getString("data_type"),
                                row.getString("kind")))
                .forEach(column -> found.computeIfAbsent(column.table(), table -> new LinkedHashMap<>())
                        .put(column.column(), column));
        List<String> problems = new ArrayList<>();
        for (ExpectedColumn expected : EXPECTED) {
            Map<String, FoundColumn> columns = found.getOrDefault(expected.table(), Map.of());
            FoundColumn column = columns.get(expected.column());
            if (columns.isEmpty()) {
                String problem = "raw." + expected.table() + " does not exist";
                if (!problems.contains(problem)) {
                    problems.add(problem);
                }
            } else if (column == null) {
                problems.add("raw." + expected.table() + " has no column " + expected.column() + " (its columns are "
                        + String.join(", ", columns.keySet()) + ")");
            } else if (!column.kind().equals(expected.kind())) {
                problems.add("raw." + expected.table() + "." + expected.column() + " is " + column.dataType()
                        + " where " + expected.typeName() + " is expected");
            }
        }
        if (!problems.isEmpty()) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "The extract tables are not as pvw reads them, so the run changed nothing: "
                            + String.join(", and ", problems) + "; fix the extract tables to have "
                            + contract() + ", then run again.");
        }
    }

    /** The columns the contract names, as a reader would write them. */
    private static String contract() {
        return EXPECTED.stream()
                .collect(Collectors.groupingBy(ExpectedColumn::table, LinkedHashMap::new, Collectors.toList()))
                .entrySet()
                .stream()
                .map(table -> "raw." + table.getKey() + "("
                        + table.getValue().stream()
                                .map(column -> column.column() + " " + column.typeName())
                                .collect(Collectors.joining(", "))
                        + ")")
                .collect(Collectors.joining(" and "));
    }

    /** A column the contract names, the kind of value pvw reads from it, and its type as the contract writes it. */
    record ExpectedColumn(String table, String column, String kind, String typeName) {}

    /** A column as the engine's information schema shows it. */
    private record FoundColumn(String table, String column, String dataType, String kind) {}
}
