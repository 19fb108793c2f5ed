package dev.pvw.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/** What differs between engines, besides the SQL resources a dialect folder overrides. */
public interface Dialect {
    Engine engine();

    /** Opens a connection; waits up to {@code lockWait} while another process holds the warehouse. */
    Connection connect(WarehouseUrl url, Duration lockWait) throws SQLException;

    /** Makes sure no other run works on this warehouse until the connection closes or the lock is released. */
    void acquireRunLock(Connection connection, Duration lockWait) throws SQLException;

    /** Whether the engine takes a whole-warehouse lock when a process opens it (so run locks are implicit). */
    boolean locksWarehouseOnOpen();

    /** The isolation a run's transaction needs so that every statement reads the extracts as of one moment. */
    TransactionIsolationLevel runIsolation();

    /**
     * Whether a run starts by locking the extract tables against TRUNCATE ({@code run/lock_extracts}), because the
     * engine's TRUNCATE is not MVCC-safe for a snapshot taken before it.
     */
    boolean locksExtractsForRun();

    /** Whether the pageview fact is partitioned, so that {@code pageviews/create_partitions} runs before inserting. */
    boolean partitionsFact();

    /** Whether freshly loaded tables need {@code run/analyze} before they are joined (no automatic statistics). */
    boolean analyzesLoadedTables();

    /** Whether the engine has roles and privileges, which {@code pvw grant-read} needs. */
    boolean supportsRoles();

    /** What kind of failure {@code failure} is, so that the user is told what to do about it. */
    FailureKind classify(java.sql.SQLException failure);

    /** The settings that bound the space a run may write, named for a user who ran out of it. */
    String spaceSettings();

    /** The settings that bound the memory a run may use, named for a user who ran out of it. */
    String memorySettings();

    /** A name as a quoted SQL identifier: double quotes, with any inner double quote doubled. */
    default String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static Dialect of(Engine engine) {
        return of(engine, DuckDbSettings.DEFAULTS);
    }

    /** The dialect of {@code engine}; DuckDB opens its warehouse with {@code duckDbSettings}. */
    static Dialect of(Engine engine, DuckDbSettings duckDbSettings) {
        return switch (engine) {
            case DUCKDB -> new DuckDbDialect(duckDbSettings);
            case POSTGRESQL -> new PostgresDialect();
        };
    }
}
