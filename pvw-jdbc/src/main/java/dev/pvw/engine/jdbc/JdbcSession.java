package dev.pvw.engine.jdbc;

import static java.util.Objects.requireNonNull;

import dev.pvw.warehouse.FailureKind;
import dev.pvw.warehouse.Row;
import dev.pvw.warehouse.RunLock;
import dev.pvw.warehouse.UnitOfWork;
import dev.pvw.warehouse.Warehouse;
import dev.pvw.warehouse.WarehouseUrl;
import dev.pvw.warehouse.spi.EngineSession;
import dev.pvw.warehouse.spi.StatementFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.ColonPrefixSqlParser;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlParser;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jdbi.v3.core.statement.Update;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JDBC connection, through Jdbi for binding named parameters and splitting scripts. A run's unit of work is one
 * transaction at the dialect's isolation.
 */
public final class JdbcSession implements EngineSession {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSession.class);

    /** The run id a transaction that is no run's passes to {@link TransactionUnit#begin}, which does not use it. */
    private static final long NOT_A_RUN = 0;

    /**
     * One parser for every session of the process, so its cache of parsed statements outlives a session: a new
     * {@code Jdbi} would start with an empty cache, and lexing each statement anew costs more than many small runs.
     */
    private static final SqlParser PARSER = new ColonPrefixSqlParser();

    private final WarehouseUrl url;
    private final JdbcDialect dialect;
    private final Handle handle;
    private final RunLock runLock;

    JdbcSession(WarehouseUrl url, JdbcDialect dialect, Connection connection) {
        this.url = requireNonNull(url, "url");
        this.dialect = requireNonNull(dialect, "dialect");
        this.handle = Jdbi.open(requireNonNull(connection, "connection"));
        // Identifiers are already in place (the core renders them); Jdbi only binds the values.
        handle.getConfig(SqlStatements.class)
                .setTemplateEngine(TemplateEngine.NOP)
                .setSqlParser(PARSER);
        this.runLock = dialect.runLock(url, connection);
    }

    @Override
    public int update(String sql, Map<String, ?> parameters) {
        return guarded(() -> {
            try (Update update = handle.createUpdate(sql)) {
                update.bindMap(parameters);
                return update.execute();
            }
        });
    }

    @Override
    public void load(String sql, Path file) {
        guarded(() -> {
            try {
                dialect.load(handle.getConnection(), sql, file);
                return null;
            } catch (SQLException e) {
                throw new StatementFailure(dialect.classify(e), describe(e), e);
            } catch (IOException e) {
                throw new StatementFailure(
                        FailureKind.OTHER, "cannot read " + file + ": " + Warehouse.firstLine(e.getMessage()), e);
            }
        });
    }

    @Override
    public void execute(String sql) {
        guarded(() -> {
            try (var script = handle.createScript(sql)) {
                script.execute();
                return null;
            }
        });
    }

    @Override
    public void query(String sql, Map<String, ?> parameters, Consumer<Row> each) {
        guarded(() -> {
            try (Query query = handle.createQuery(sql)) {
                query.bindMap(parameters);
                query.map((rs, context) -> {
                            each.accept(new JdbcRow(rs));
                            return Boolean.TRUE;
                        })
                        .forEach(read -> {});
                return null;
            }
        });
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return guarded(() -> handle.inTransaction(transactionHandle -> work.get()));
    }

    /** One transaction at the run's isolation, begun and ended exactly as a run's unit of work is. */
    @Override
    public <T> T readingOneMoment(Supplier<T> work) {
        return new TransactionUnit().run(NOT_A_RUN, work);
    }

    @Override
    public UnitOfWork unitOfWork() {
        return new TransactionUnit();
    }

    @Override
    public RunLock runLock() {
        return runLock;
    }

    @Override
    public void close() {
        handle.close();
    }

    private void restoreIsolation(TransactionIsolationLevel previous) {
        try {
            handle.setTransactionIsolation(previous);
        } catch (JdbiException e) {
            // Only a broken connection refuses this, and nothing more can be done on it; the work's outcome stands.
            LOG.debug("Could not restore the isolation level on {}", url, e);
        }
    }

    private <T> T guarded(Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbcRow.ReadFailure e) {
            throw failure(e.sqlException(), e);
        } catch (StatementException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw failure(sql, e);
            }
            throw new StatementFailure(FailureKind.OTHER, Warehouse.firstLine(e.getMessage()), e);
        } catch (JdbiException e) {
            throw new StatementFailure(FailureKind.OTHER, Warehouse.firstLine(e.getMessage()), e);
        }
    }

    private StatementFailure failure(SQLException sql, RuntimeException wrapper) {
        return new StatementFailure(dialect.classify(sql), describe(sql), wrapper);
    }

    /** The engine's reason for a failed statement, with its SQL state. */
    public static String describe(SQLException e) {
        // A script runs as a JDBC batch; a failed batch says only which entry failed, and chains the reason.
        SQLException reason =
                e instanceof BatchUpdateException && e.getNextException() != null ? e.getNextException() : e;
        String state = reason.getSQLState() == null ? "" : " (SQL state " + reason.getSQLState() + ")";
        return Warehouse.firstLine(reason.getMessage()) + state;
    }

    /** The run's writes as one transaction at the dialect's isolation, begun before the run reads anything. */
    private final class TransactionUnit implements UnitOfWork {
        private TransactionIsolationLevel previous;

        @Override
        public List<String> recover() {
            // The database rolled back a killed run's transaction itself; the run log marks the run interrupted.
            return List.of();
        }

        @Override
        public void begin(long runId) {
            // Not Jdbi's inTransaction(level, ...): it restores the level in a plain finally, so on a connection that
            // broke mid-run its own failure to restore replaces the failure that says what happened.
            TransactionIsolationLevel isolation = dialect.runIsolation();
            guarded(() -> {
                if (isolation != TransactionIsolationLevel.UNKNOWN) {
                    previous = handle.getTransactionIsolationLevel();
                    handle.setTransactionIsolation(isolation);
                }
                return handle.begin();
            });
        }

        @Override
        public void publish() {
            try {
                guarded(handle::commit);
            } finally {
                restore();
            }
        }

        @Override
        public void abort() {
            try {
                handle.rollback();
            } catch (JdbiException e) {
                LOG.debug("Could not roll back on {}; the database drops the transaction with the connection", url, e);
            } finally {
                restore();
            }
        }

        private void restore() {
            if (previous != null) {
                restoreIsolation(previous);
                previous = null;
            }
        }
    }
}
