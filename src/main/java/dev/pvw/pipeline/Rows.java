package dev.pvw.pipeline;

import java.time.LocalDateTime;

/** Reading values back from the steps' SQL. */
final class Rows {
    private Rows() {}

    static LocalDateTime timestamp(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toLocalDateTime();
    }
}
