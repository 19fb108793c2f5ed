package dev.pvw.engine.jdbc;

import dev.pvw.warehouse.Dialect;
import dev.pvw.warehouse.FailureKind;
import dev.pvw.warehouse.RunLock;
import dev.pvw.warehouse.WarehouseUrl;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/** What differs between the engines pvw reaches through JDBC: connecting, locking, isolation, failures. */
public interface JdbcDialect extends Dialect {
    /** Opens a connection; waits up to {@code lockWait} while another process holds the warehouse. */
    Connection connect(WarehouseUrl url, Duration lockWait) throws SQLException;

    /** The URL to connect with for a read-only session: the engine's switch that refuses every write. */
    WarehouseUrl readOnly(WarehouseUrl url);

    /** The run lock of a warehouse opened on {@code connection}. */
    RunLock runLock(WarehouseUrl url, Connection connection);

    /** The isolation a run's transaction needs so that every statement reads the extracts as of one moment. */
    TransactionIsolationLevel runIsolation();

    /** What kind of failure {@code failure} is, so that the user is told what to do about it. */
    FailureKind classify(SQLException failure);

    /**
     * Runs {@code sql}, which loads the rows of {@code file} ({@link dev.pvw.warehouse.spi.EngineSession#load}), on the
     * session's connection, inside its transaction if one is open. Engines that load no files refuse.
     */
    default void load(Connection connection, String sql, Path file) throws SQLException, IOException {
        throw new UnsupportedOperationException(name() + " loads no files; generate the rows in SQL instead");
    }
}
