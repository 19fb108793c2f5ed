package dev.pvw.engine.jdbc;

import dev.pvw.warehouse.Row;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/** The current row of a JDBC result set, read as pvw's {@link Row}. */
final class JdbcRow implements Row {
    private final ResultSet rs;

    JdbcRow(ResultSet rs) {
        this.rs = rs;
    }

    @Override
    public long getLong(String column) {
        return read(() -> rs.getLong(column));
    }

    @Override
    public long getLong(int column) {
        return read(() -> rs.getLong(column));
    }

    @Override
    public Long getNullableLong(String column) {
        return read(() -> rs.getObject(column, Long.class));
    }

    @Override
    public int getInt(int column) {
        return read(() -> rs.getInt(column));
    }

    @Override
    public String getString(String column) {
        return read(() -> rs.getString(column));
    }

    @Override
    public String getString(int column) {
        return read(() -> rs.getString(column));
    }

    @Override
    public boolean getBoolean(String column) {
        return read(() -> rs.getBoolean(column));
    }

    @Override
    public LocalDateTime getTimestamp(String column) {
        return read(() -> rs.getObject(column, LocalDateTime.class));
    }

    private static <T> T read(Reader<T> reader) {
        try {
            return reader.read();
        } catch (SQLException e) {
            throw new ReadFailure(e);
        }
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read() throws SQLException;
    }

    /** A column that could not be read, carried out of the row mapper to the session, which reports it. */
    static final class ReadFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReadFailure(SQLException cause) {
            super(cause);
        }

        SQLException sqlException() {
            return (SQLException) getCause();
        }
    }
}
