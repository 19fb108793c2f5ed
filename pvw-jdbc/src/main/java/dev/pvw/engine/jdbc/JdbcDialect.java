package dev.pvw.engine.jdbc;

import dev.pvw.warehouse.Dialect;
import dev.pvw.warehouse.FailureKind;
import dev.pvw.warehouse.RunLock;
import dev.pvw.warehouse.WarehouseUrl;
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
}
