package dev.pvw.warehouse;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Embedded DuckDB: one process at a time holds the database file, which serialises runs. */
final class DuckDbDialect implements Dialect {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbDialect.class);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(250);

    @Override
    public Engine engine() {
        return Engine.DUCKDB;
    }

    @Override
    public Connection connect(WarehouseUrl url, Duration lockWait) throws SQLException {
        Instant giveUpAt = Instant.now().plus(lockWait);
        boolean told = false;
        while (true) {
            try {
                return DriverManager.getConnection(url.jdbcUrl(), new Properties());
            } catch (SQLException e) {
                if (!isLockConflict(e)) {
                    throw e;
                }
                if (Instant.now().isAfter(giveUpAt)) {
                    throw new PvwException(
                            ErrorCode.FAILURE,
                            "Another process is using warehouse " + url.redacted() + " (waited "
                                    + lockWait.toSeconds()
                                    + " s); try again when it has finished, or give --lock-wait more seconds.",
                            e);
                }
                if (!told) {
                    LOG.info(
                            "Warehouse {} is in use by another process; waiting up to {} s", url, lockWait.toSeconds());
                    told = true;
                }
                sleep();
            }
        }
    }

    @Override
    public void acquireRunLock(Connection connection, Duration lockWait) {
        // The file lock taken when the database was opened already excludes every other process.
    }

    @Override
    public boolean locksWarehouseOnOpen() {
        return true;
    }

    @Override
    public TransactionIsolationLevel runIsolation() {
        // DuckDB transactions always read one snapshot, and no other process can write while this one holds the file.
        return TransactionIsolationLevel.UNKNOWN;
    }

    @Override
    public boolean locksExtractsForRun() {
        return false;
    }

    @Override
    public boolean partitionsFact() {
        return false;
    }

    @Override
    public boolean analyzesLoadedTables() {
        return false;
    }

    @Override
    public boolean supportsRoles() {
        return false;
    }

    private static boolean isLockConflict(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Could not set lock on file") || message.contains("Conflicting lock");
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new PvwException(ErrorCode.FAILURE, "Interrupted while waiting for the warehouse lock.");
        }
    }
}
