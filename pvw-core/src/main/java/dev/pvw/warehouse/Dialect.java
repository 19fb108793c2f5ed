package dev.pvw.warehouse;

import java.util.Optional;

/**
 * What differs between engines besides the SQL that their folder overrides, as capabilities and a few renderings (in
 * the manner of Calcite's dialect classes). The pipeline asks these questions instead of naming an engine.
 */
public interface Dialect {
    /** The engine's name, which is also its folder of SQL overrides under {@code sql/}. */
    String name();

    /**
     * Whether one process at a time holds the whole warehouse, so that a run still marked running while another
     * command reads it was killed part-way (rather than at work elsewhere).
     */
    boolean locksWarehouseOnOpen();

    /** Whether the engine has roles and privileges, which {@code pvw grant-read} needs. */
    boolean supportsRoles();

    /**
     * Whether pvw maintains the engine's table files ({@code pvw maintain}: compaction, snapshot expiry, orphan files),
     * as Iceberg needs; DuckDB and PostgreSQL maintain their own storage.
     */
    default boolean needsTableMaintenance() {
        return false;
    }

    /**
     * The file the engine loads rows from in bulk ({@link Warehouse#load}), if it loads any: how simulated extracts
     * reach a warehouse whose engine cannot generate them.
     */
    default Optional<LoadFormat> loadFormat() {
        return Optional.empty();
    }

    /** What a user who wants BI tools to read only the marts does instead, where the engine has no roles. */
    default String readAccessAdvice() {
        return "give BI tools read-only access to the warehouse instead";
    }

    /** The settings that bound the space a run may write, named for a user who ran out of it. */
    String spaceSettings();

    /** The settings that bound the memory a run may use, named for a user who ran out of it. */
    String memorySettings();

    /** A name as a quoted SQL identifier: double quotes, with any inner double quote doubled. */
    default String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
