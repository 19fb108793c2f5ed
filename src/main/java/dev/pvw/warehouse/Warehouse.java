package dev.pvw.warehouse;

import static java.util.Objects.requireNonNull;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.Update;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One open connection to a warehouse, running the SQL resources of its engine's dialect. */
public final class Warehouse implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);
    private static final DateTimeFormatter SQL_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final WarehouseUrl url;
    private final Dialect dialect;
    private final SqlScripts scripts;
    private final Connection connection;
    private final Handle handle;

    private Warehouse(WarehouseUrl url, Dialect dialect, Connection connection) {
        this.url = requireNonNull(url, "url");
        this.dialect = requireNonNull(dialect, "dialect");
        this.connection = requireNonNull(connection, "connection");
        this.scripts = new SqlScripts(dialect.engine());
        this.handle = Jdbi.open(connection);
    }

    /** Opens the warehouse, waiting up to {@code lockWait} for another process to let go of it. */
    public static Warehouse open(WarehouseUrl url, Duration lockWait) {
        return open(url, lockWait, DuckDbSettings.DEFAULTS);
    }

    /** Opens the warehouse; a DuckDB warehouse with {@code duckDbSettings}, which other engines do not take. */
    public static Warehouse open(WarehouseUrl url, Duration lockWait, DuckDbSettings duckDbSettings) {
        if (url.engine() != Engine.DUCKDB && duckDbSettings.isSet()) {
            throw new PvwException(
                    ErrorCode.USAGE,
                    "The --duckdb-* options apply to DuckDB warehouses, not to " + url.redacted()
                            + "; set work_mem and temp_file_limit on the PostgreSQL server or role instead.");
        }
        Dialect dialect = Dialect.of(url.engine(), duckDbSettings);
        try {
            return new Warehouse(url, dialect, dialect.connect(url, lockWait));
        } catch (SQLException e) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "Cannot open warehouse " + url.redacted() + ": " + firstLine(e.getMessage())
                            + "; check the URL and that the database is reachable.",
                    e);
        }
    }

    public WarehouseUrl url() {
        return url;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The text of a SQL resource as this warehouse's dialect resolves it. */
    public String scriptText(String name) {
        return scripts.get(name).text();
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
    public <T> T inTransaction(Supplier<T> work) {
        return handle.inTransaction(transactionHandle -> work.get());
    }

    /**
     * Runs a pipeline run's {@code work} in one transaction at the dialect's run isolation, with the extract tables
     * locked first where the engine needs it, so that every statement reads the extracts as of one moment.
     */
    public <T> T inRunTransaction(Supplier<T> work) {
        return inSnapshotTransaction(() -> {
            if (dialect.locksExtractsForRun()) {
                execute("run/lock_extracts", Map.of());
            }
            return work.get();
        });
    }

    /**
     * Runs {@code work} in one transaction at the dialect's run isolation, so that all of its statements read the
     * warehouse as of one moment (checks, for instance, while a run may commit beside them).
     */
    public <T> T inSnapshotTransaction(Supplier<T> work) {
        TransactionIsolationLevel isolation = dialect.runIsolation();
        if (isolation == TransactionIsolationLevel.UNKNOWN) {
            return inTransaction(work);
        }
        // Not Jdbi's inTransaction(level, ...): it restores the level in a plain finally, so on a connection that broke
        // mid-run its own failure to restore replaces the failure that says what happened.
        TransactionIsolationLevel previous = handle.getTransactionIsolationLevel();
        handle.setTransactionIsolation(isolation);
        try {
            return inTransaction(work);
        } finally {
            restoreIsolation(previous);
        }
    }

    private void restoreIsolation(TransactionIsolationLevel previous) {
        try {
            handle.setTransactionIsolation(previous);
        } catch (JdbiException e) {
            // Only a broken connection refuses this, and nothing more can be done on it; the work's outcome stands.
            LOG.debug("Could not restore the isolation level on {}", url, e);
        }
    }

    /** Refreshes the planner statistics of a table just loaded, on engines that do not keep them up to date. */
    public void analyze(Identifier table) {
        if (dialect.analyzesLoadedTables()) {
            execute("run/analyze", Map.of("table", table));
        }
    }

    /** Runs a script about a role (granting privileges, say); the role's name is quoted by the dialect. */
    public void executeForRole(String name, RoleName role) {
        run(scripts.get(name), Map.of("role", dialect.quoteIdentifier(role.name())));
    }

    /** Takes the run lock for as long as this connection lives (a no-op where opening already locked). */
    public void acquireRunLock(Duration lockWait) {
        try {
            dialect.acquireRunLock(connection, lockWait);
        } catch (SQLException e) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "Cannot take the run lock on warehouse " + url.redacted() + ": " + describe(e)
                            + "; check that the database is reachable and try again.",
                    e);
        }
    }

    /** Runs a statement that changes data and returns how many rows it changed. */
    public int update(String name, Map<String, ?> parameters) {
        return update(name, parameters, Map.of());
    }

    /** Runs a statement on validated identifiers that changes data and returns how many rows it changed. */
    public int update(String name, Map<String, ?> parameters, Map<String, Identifier> defines) {
        SqlScripts.Script script = scripts.get(name);
        return guarded(script, () -> {
            try (Update update = handle.createUpdate(script.text())) {
                defines.forEach((key, identifier) -> update.define(key, identifier.sql()));
                update.bindMap(parameters);
                return update.execute();
            }
        });
    }

    /** Runs every statement of a script that takes no values; {@code defines} fill validated identifiers. */
    public void execute(String name, Map<String, Identifier> defines) {
        Map<String, String> texts = new java.util.HashMap<>();
        defines.forEach((key, identifier) -> texts.put(key, identifier.sql()));
        run(scripts.get(name), texts);
    }

    private void run(SqlScripts.Script script, Map<String, String> defines) {
        guarded(script, () -> {
            try (var sqlScript = handle.createScript(script.text())) {
                defines.forEach(sqlScript::define);
                sqlScript.execute();
                return null;
            }
        });
    }

    /** Runs a query and maps every row. */
    public <T> List<T> query(String name, Map<String, ?> parameters, RowMapper<T> mapper) {
        return query(name, parameters, Map.of(), mapper);
    }

    /** Runs a query on validated identifiers and maps every row. */
    public <T> List<T> query(
            String name, Map<String, ?> parameters, Map<String, Identifier> defines, RowMapper<T> mapper) {
        SqlScripts.Script script = scripts.get(name);
        return guarded(script, () -> {
            try (Query query = handle.createQuery(script.text())) {
                defines.forEach((key, identifier) -> query.define(key, identifier.sql()));
                query.bindMap(parameters);
                return query.map(mapper).list();
            }
        });
    }

    /** Runs a query on validated identifiers and hands each row to {@code each} as it is read, keeping none. */
    public <T> void queryEach(
            String name,
            Map<String, ?> parameters,
            Map<String, Identifier> defines,
            RowMapper<T> mapper,
            java.util.function.Consumer<T> each) {
        SqlScripts.Script script = scripts.get(name);
        guarded(script, () -> {
            try (Query query = handle.createQuery(script.text())) {
                defines.forEach((key, identifier) -> query.define(key, identifier.sql()));
                query.bindMap(parameters);
                query.map(mapper).forEach(each);
                return null;
            }
        });
    }

    /** Runs a query expected to return at most one row. */
    public <T> Optional<T> queryOptional(String name, Map<String, ?> parameters, RowMapper<T> mapper) {
        List<T> rows = query(name, parameters, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Runs a query that returns a single number. */
    public long queryLong(String name, Map<String, ?> parameters) {
        return queryOptional(name, parameters, (rs, context) -> rs.getLong(1)).orElseThrow();
    }

    /** A timestamp as the text every engine casts back to TIMESTAMP without loss or time zone. */
    public static String timestamp(LocalDateTime value) {
        return value == null ? null : SQL_TIMESTAMP.format(value);
    }

    /**
     * A TIMESTAMP column read back as it is stored. Read as a LocalDateTime rather than through java.sql.Timestamp,
     * whose Julian calendar before 1582 can shift a pageview of year 1 by two days.
     */
    public static LocalDateTime timestamp(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }

    @Override
    public void close() {
        handle.close();
    }

    private <T> T guarded(SqlScripts.Script script, Supplier<T> work) {
        long started = System.nanoTime();
        try {
            T result = work.get();
            LOG.debug("{} took {} ms", script.resource(), (System.nanoTime() - started) / 1_000_000);
            return result;
        } catch (StatementException e) {
            SQLException cause = e.getCause() instanceof SQLException sql ? sql : null;
            String detail = cause == null ? firstLine(e.getMessage()) : describe(cause);
            FailureKind kind = cause == null ? FailureKind.OTHER : dialect.classify(cause);
            throw new PvwException(ErrorCode.FAILURE, failureSentence(script, kind, detail), e);
        } catch (JdbiException e) {
            throw new PvwException(
                    ErrorCode.FAILURE, failureSentence(script, FailureKind.OTHER, firstLine(e.getMessage())), e);
        }
    }

    /** One sentence for a failed statement: what happened, and what to do about it. */
    private String failureSentence(SqlScripts.Script script, FailureKind kind, String detail) {
        String where = "during " + script.resource() + " on " + url.redacted() + " (" + detail + ")";
        String nothingKept = ", so nothing of the unfinished transaction was kept";
        return switch (kind) {
            case CONNECTION_LOST -> "The connection to the warehouse broke " + where + nothingKept
                    + "; check that the database is reachable and run the command again.";
            case OUT_OF_SPACE -> "The warehouse ran out of space " + where + nothingKept
                    + "; check the free disk space and the limits on it (" + dialect.spaceSettings()
                    + "), then run the command again.";
            case OUT_OF_MEMORY -> "The warehouse ran out of memory " + where + nothingKept
                    + "; give it more memory or room to spill (" + dialect.memorySettings()
                    + "), then run the command again.";
            case OTHER -> "SQL in " + script.resource() + " failed on " + url.redacted() + ": " + detail
                    + "; fix the cause and run the command again (-v shows the SQL and the stack trace).";
        };
    }

    private static String describe(SQLException e) {
        // A script runs as a JDBC batch; a failed batch says only which entry failed, and chains the reason.
        SQLException reason =
                e instanceof BatchUpdateException && e.getNextException() != null ? e.getNextException() : e;
        String state = reason.getSQLState() == null ? "" : " (SQL state " + reason.getSQLState() + ")";
        return firstLine(reason.getMessage()) + state;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        String line = message.strip().lines().findFirst().orElse("no message");
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
