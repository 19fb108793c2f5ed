package dev.pvw.warehouse;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The warehouse's schema as it stands: which of pvw's tables exist and which versions were applied. Commands that only
 * read check it instead of creating anything; {@link SchemaMigrator} brings it up to date for those that write.
 */
public final class Schema {
    /** The table that records applied versions, which only a warehouse pvw created has. */
    static final String HISTORY = "core.schema_history";

    private final Set<String> tables;
    private final Map<Integer, Long> applied;

    private Schema(Set<String> tables, Map<Integer, Long> applied) {
        this.tables = Set.copyOf(tables);
        this.applied = Map.copyOf(applied);
    }

    /** Reads the tables of pvw's schemas and, where there is a history, the versions applied with their checksums. */
    public static Schema read(Warehouse warehouse) {
        Set<String> tables = Set.copyOf(warehouse.query("schema/existing_tables", Map.of(), row -> row.getString(1)));
        Map<Integer, Long> applied = new TreeMap<>();
        if (tables.contains(HISTORY)) {
            warehouse
                    .query("schema/applied_migrations", Map.of(), row -> Map.entry(row.getInt(1), row.getLong(3)))
                    .forEach(entry -> applied.put(entry.getKey(), entry.getValue()));
        }
        return new Schema(tables, applied);
    }

    /**
     * For a command that only reads: fails with one sentence unless pvw created this warehouse and applied at least
     * schema version {@code needed}, and returns the version applied.
     */
    public static int requireReadable(Warehouse warehouse, int needed) {
        Schema schema = read(warehouse);
        if (!schema.created()) {
            throw notCreated(warehouse.url());
        }
        int version = schema.version();
        if (version < needed) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "Warehouse " + warehouse.url().redacted() + " was made by an older pvw (schema version " + version
                            + ", where this command needs " + needed + "); run pvw init or pvw run on it to bring it up"
                            + " to date, then try again.");
        }
        return version;
    }

    /** The sentence for a warehouse that pvw init has not created: a mistyped path, say, or an empty database. */
    public static PvwException notCreated(WarehouseUrl url) {
        return new PvwException(
                ErrorCode.FAILURE,
                "No pvw warehouse at " + url.redacted() + " (pvw init has not created one there); check the URL, or"
                        + " run pvw init to create it.");
    }

    /** Whether pvw created this warehouse: it has a schema history. */
    public boolean created() {
        return tables.contains(HISTORY);
    }

    /** The newest version applied; 0 for none. */
    public int version() {
        return applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Whether the table, schema-qualified, exists. */
    boolean has(String table) {
        return tables.contains(table);
    }

    /** The versions applied, with the checksums of their scripts then. */
    Map<Integer, Long> applied() {
        return applied;
    }
}
