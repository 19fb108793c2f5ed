package dev.pvw.engine.postgresql;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.engine.jdbc.JdbcDialect;
import dev.pvw.warehouse.FailureKind;
import dev.pvw.warehouse.LoadFormat;
import dev.pvw.warehouse.RunLock;
import dev.pvw.warehouse.WarehouseUrl;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 14 and later: a server many processes share, so runs are serialised by a session advisory lock and each
 * run reads the extracts from one REPEATABLE READ snapshot.
 */
final class PostgresDialect implements JdbcDialect {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresDialect.class);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)([?&]password=)|(//[^/@]*:[^/@]*@)");

    /** The advisory lock key of a run: the bytes of "pvw.run" as a number. Advisory locks are per database. */
    static final long RUN_LOCK_KEY = 0x7076772e72756eL;

    private final Map<String, String> environment;

    PostgresDialect() {
        this(System.getenv());
    }

    PostgresDialect(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public Connection connect(WarehouseUrl url, Duration lockWait) throws SQLException {
        Connection connection = DriverManager.getConnection(url.value(), connectionProperties(url));
        try {
            applyDefaultTimeouts(connection, lockWait);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * The driver's properties: the password from PGPASSWORD when the URL has none (the driver reads ~/.pgpass itself),
     * and the application name that pg_stat_activity shows.
     */
    Properties connectionProperties(WarehouseUrl url) {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "pvw");
        String password = environment.get("PGPASSWORD");
        if (password != null && !PASSWORD_IN_URL.matcher(url.value()).find()) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    /**
     * A lock_timeout of --lock-wait unless the URL's {@code options} set one, so that a run never queues forever behind
     * a table lock; statement_timeout is left to the URL, the role or the server.
     */
    private static void applyDefaultTimeouts(Connection connection, Duration lockWait) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT current_setting('lock_timeout')")) {
            rs.next();
            if (!"0".equals(rs.getString(1))) {
                return;
            }
        }
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config('lock_timeout', ?, false)")) {
            set.setString(1, Math.max(1, lockWait.toMillis()) + "ms");
            set.execute();
        }
    }

    /** The driver then runs every statement in a read-only transaction. */
    @Override
    public WarehouseUrl readOnly(WarehouseUrl url) {
        String separator = url.value().contains("?") ? "&" : "?";
        return new WarehouseUrl(url.value() + separator + "readOnly=true&readOnlyMode=always", url.engine());
    }

    @Override
    public RunLock runLock(WarehouseUrl url, Connection connection) {
        return lockWait -> {
            try {
                acquireRunLock(connection, lockWait);
            } catch (SQLException e) {
                throw new PvwException(
                        ErrorCode.FAILURE,
                        "Cannot take the run lock on warehouse " + url.redacted() + ": "
                                + dev.pvw.engine.jdbc.JdbcSession.describe(e)
                                + "; check that the database is reachable and try again.",
                        e);
            }
            return () -> releaseRunLock(connection);
        };
    }

    private static void acquireRunLock(Connection connection, Duration lockWait) throws SQLException {
        Instant giveUpAt = Instant.now().plus(lockWait);
        boolean told = false;
        try (PreparedStatement tryLock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            tryLock.setLong(1, RUN_LOCK_KEY);
            while (!locked(tryLock)) {
                if (Instant.now().isAfter(giveUpAt)) {
                    throw new PvwException(
                            ErrorCode.FAILURE,
                            "Another pvw run holds this warehouse (waited " + lockWait.toSeconds()
                                    + " s); try again when it has finished, or give --lock-wait more seconds.");
                }
                if (!told) {
                    LOG.info("Another pvw run holds this warehouse; waiting up to {} s", lockWait.toSeconds());
                    told = true;
                }
                pause();
            }
        }
    }

    /** Lets go of the run lock; a connection that broke has let go of it already. */
    private static void releaseRunLock(Connection connection) {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, RUN_LOCK_KEY);
            unlock.execute();
        } catch (SQLException e) {
            LOG.debug("Could not release the run lock; it goes with the connection", e);
        }
    }

    @Override
    public boolean locksWarehouseOnOpen() {
        return false;
    }

    @Override
    public TransactionIsolationLevel runIsolation() {
        return TransactionIsolationLevel.REPEATABLE_READ;
    }

    @Override
    public boolean supportsRoles() {
        return true;
    }

    @Override
    public FailureKind classify(SQLException failure) {
        String state = String.valueOf(failure.getSQLState());
        String message = String.valueOf(failure.getMessage());
        // Class 08 is a connection exception; 57P01 to 57P03 a server that shut down or ended the session.
        if (state.startsWith("08") || state.startsWith("57P")) {
            return FailureKind.CONNECTION_LOST;
        }
        if ("53100".equals(state) || FailureKind.isDiskFull(message) || message.contains("temp_file_limit")) {
            return FailureKind.OUT_OF_SPACE;
        }
        if ("53200".equals(state)) {
            return FailureKind.OUT_OF_MEMORY;
        }
        return FailureKind.OTHER;
    }

    @Override
    public Optional<LoadFormat> loadFormat() {
        return Optional.of(LoadFormat.CSV);
    }

    /** Streams the file from this client to the server as the input of {@code sql}, a {@code COPY ... FROM STDIN}. */
    @Override
    public void load(Connection connection, String sql, Path file) throws SQLException, IOException {
        try (Reader rows = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            new CopyManager(connection.unwrap(BaseConnection.class)).copyIn(sql, rows);
        }
    }

    @Override
    public String spaceSettings() {
        return "the server's disk, and temp_file_limit for what a session spills";
    }

    @Override
    public String memorySettings() {
        return "the server's memory and work_mem";
    }

    private static boolean locked(PreparedStatement tryLock) throws SQLException {
        try (ResultSet rs = tryLock.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new PvwException(ErrorCode.FAILURE, "Interrupted while waiting for the run lock.");
        }
    }
}
