package dev.pvw.engine.postgresql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Holds a warehouse's run lock from a test, standing in for a run that is still at work. */
public final class TestingRunLocks {
    private TestingRunLocks() {}

    /** Takes the advisory lock a PostgreSQL run takes; closing the connection releases it. */
    public static Connection holdPostgres(String jdbcUrl) throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl);
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, PostgresDialect.RUN_LOCK_KEY);
            lock.execute();
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** Opens the DuckDB file, which no other process can then open; closing the connection lets go of it. */
    public static Connection holdDuckDb(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }
}
