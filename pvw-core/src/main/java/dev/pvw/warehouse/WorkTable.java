package dev.pvw.warehouse;

import static java.util.Objects.requireNonNull;

/**
 * A table that lives only while a run or a check is at work, declared here so that each engine makes it of the kind
 * that suits it (a temporary table on DuckDB and PostgreSQL; a cached or scratch table where there are none). Its
 * definition is a SQL resource: the query that fills it, or its column list, or the query a view stands for.
 */
public record WorkTable(Identifier name, Kind kind, String definition) {
    public WorkTable {
        requireNonNull(name, "name");
        requireNonNull(kind, "kind");
        requireNonNull(definition, "definition");
    }

    /** A table filled once, when it is made, by the query in {@code definition}. */
    public static WorkTable filledBy(String name, String definition) {
        return new WorkTable(new Identifier(name), Kind.FILLED, definition);
    }

    /** A table made empty with the columns listed in {@code definition}, which later statements insert into. */
    public static WorkTable withColumns(String name, String definition) {
        return new WorkTable(new Identifier(name), Kind.APPENDED, definition);
    }

    /** A view over other work tables, for what is read rarely and would be costly to copy. */
    public static WorkTable viewOf(String name, String definition) {
        return new WorkTable(new Identifier(name), Kind.VIEW, definition);
    }

    @Override
    public String toString() {
        return name.sql();
    }

    /** How a work table is made, which is how an engine chooses what to make it as. */
    public enum Kind {
        /** Made from a query, then only read. */
        FILLED,
        /** Made empty from a column list, then inserted into. */
        APPENDED,
        /** A view over other work tables. */
        VIEW
    }
}
