package dev.pvw.warehouse;

import java.time.LocalDateTime;

/**
 * One row of a query's result as pvw reads it, whatever the engine: columns by name (or by position, counted from 1),
 * each read as one of the few types pvw stores. A NULL number reads as 0 through {@link #getLong}; use
 * {@link #getNullableLong} where NULL means something.
 */
public interface Row {
    long getLong(String column);

    long getLong(int column);

    /** A number, or null where the column is NULL. */
    Long getNullableLong(String column);

    int getInt(int column);

    String getString(String column);

    String getString(int column);

    boolean getBoolean(String column);

    /**
     * A TIMESTAMP column as it is stored, without zone; null where NULL. Engines read it as a LocalDateTime rather than
     * through java.sql.Timestamp, whose Julian calendar before 1582 would shift a pageview of year 1 by two days.
     */
    LocalDateTime getTimestamp(String column);
}
