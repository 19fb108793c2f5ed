package dev.pvw.engine.duckdb;

import static java.util.Objects.requireNonNull;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.engine.jdbc.JdbcDialect;
import dev.pvw.warehouse.FailureKind;
import dev.pvw.warehouse.RunLock;
import dev.pvw.warehouse.WarehouseUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Embedded DuckDB: one process at a time holds the database file, which serialises runs. */
final class DuckDbDialect implements JdbcDialect {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbDialect.class);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(250);

    private final DuckDbSettings settings;

    DuckDbDialect(DuckDbSettings settings) {
        this.settings = requireNonNull(settings, "settings");
    }

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public Connection connect(WarehouseUrl url, Duration lockWait) throws SQLException {
        settings.tempDirectory().ifPresent(DuckDbDialect::createTempDirectory);
        DuckDbNativeLibrary.prepare();
        Instant giveUpAt = Instant.now().plus(lockWait);
        boolean told = false;
        while (true) {
            try {
                return DriverManager.getConnection(url.value(), settings.properties());
            } catch (LinkageError e) {
                // Where the driver unpacks its native library into java.io.tmpdir (its jar is on the classpath as
                // it is), a full or noexec temp folder fails there, before any database is opened.
                throw new PvwException(
                        ErrorCode.FAILURE,
                        "Cannot load DuckDB's native library (" + rootMessage(e) + "); check that "
                                + System.getProperty("java.io.tmpdir") + " has free space and allows executables,"
                                + " or give java another -Djava.io.tmpdir (PVW_JAVA_OPTS for ./pvw), then run again.",
                        e);
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

    /** DuckDB then lets other read-only processes open the file too, and refuses every write. */
    @Override
    public WarehouseUrl readOnly(WarehouseUrl url) {
        return new WarehouseUrl(url.value() + ";access_mode=READ_ONLY", url.engine());
    }

    @Override
    public RunLock runLock(WarehouseUrl url, Connection connection) {
        // The file lock taken when the database was opened already excludes every other process.
        return lockWait -> () -> {};
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
    public boolean supportsRoles() {
        return false;
    }

    @Override
    public String readAccessAdvice() {
        return "give BI tools read-only access to the database file instead";
    }

    @Override
    public FailureKind classify(SQLException failure) {
        String message = String.valueOf(failure.getMessage());
        // DuckDB reports a full temp directory as running out of memory, naming the setting that was reached.
        if (FailureKind.isDiskFull(message) || message.contains("max_temp_directory_size")) {
            return FailureKind.OUT_OF_SPACE;
        }
        if (message.contains("Out of Memory")) {
            return FailureKind.OUT_OF_MEMORY;
        }
        return FailureKind.OTHER;
    }

    @Override
    public String spaceSettings() {
        return "the disk of the database file, and of --duckdb-temp-dir where DuckDB spills";
    }

    @Override
    public String memorySettings() {
        return "--duckdb-memory-limit, and --duckdb-temp-dir for a folder with room to spill to";
    }

    /** DuckDB creates one missing folder level at most, and only once it spills; pvw makes the whole path at once. */
    private static void createTempDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "Cannot create --duckdb-temp-dir " + directory + " ("
                            + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "); check the path and its permissions, then run again.",
                    e);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
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
