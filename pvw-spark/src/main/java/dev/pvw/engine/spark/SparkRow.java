package dev.pvw.engine.spark;

import static java.util.Objects.requireNonNull;

import dev.pvw.warehouse.Row;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** One row of a Spark result, read as pvw's {@link Row}; columns by name, or by position counted from 1. */
final class SparkRow implements Row {
    private final org.apache.spark.sql.Row row;

    SparkRow(org.apache.spark.sql.Row row) {
        this.row = requireNonNull(row, "row");
    }

    @Override
    public long getLong(String column) {
        return getLong(position(column));
    }

    @Override
    public long getLong(int column) {
        Object value = value(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    @Override
    public Long getNullableLong(String column) {
        Object value = value(position(column));
        return value == null ? null : ((Number) value).longValue();
    }

    @Override
    public int getInt(int column) {
        Object value = value(column);
        return value == null ? 0 : ((Number) value).intValue();
    }

    @Override
    public String getString(String column) {
        return getString(position(column));
    }

    @Override
    public String getString(int column) {
        Object value = value(column);
        return value == null ? null : value.toString();
    }

    @Override
    public boolean getBoolean(String column) {
        Object value = value(position(column));
        return value != null && (Boolean) value;
    }

    /**
     * A timestamp without zone as stored. The few expressions that give Spark's TIMESTAMP with local time zone (such as
     * date_trunc) read as an instant, taken back at UTC, the zone of every pvw session.
     */
    @Override
    public LocalDateTime getTimestamp(String column) {
        Object value = value(position(column));
        if (value == null || value instanceof LocalDateTime) {
            return (LocalDateTime) value;
        }
        return LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC);
    }

    private int position(String column) {
        return row.fieldIndex(column) + 1;
    }

    private Object value(int column) {
        return row.get(column - 1);
    }
}
