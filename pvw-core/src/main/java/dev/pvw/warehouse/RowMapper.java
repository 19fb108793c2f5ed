package dev.pvw.warehouse;

/** Turns one {@link Row} of a query's result into a value. */
@FunctionalInterface
public interface RowMapper<T> {
    T map(Row row);
}
