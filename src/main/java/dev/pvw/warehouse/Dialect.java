package dev.pvw.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** What differs between engines, besides the SQL resources a dialect folder overrides. */
public interface Dialect {
    Engine engine();

    /** Opens a connection; waits up to {@code lockWait} while another process holds the warehouse. */
    Connection connect(WarehouseUrl url, Duration lockWait) throws SQLException;

    /** Makes sure no other run works on this warehouse until the connection closes or the lock is released. */
    void acquireRunLock(Connection connection, Duration lockWait) throws SQLException;

    /** Whether the engine takes a whole-warehouse lock when a process opens it (so run locks are implicit). */
    boolean locksWarehouseOnOpen();

    static Dialect of(Engine engine) {
        return switch (engine) {
            case DUCKDB -> new DuckDbDialect();
            case POSTGRESQL -> throw new dev.pvw.PvwException(
                    dev.pvw.PvwException.ErrorCode.USAGE,
                    "PostgreSQL warehouses are not supported by this build yet; use jdbc:duckdb:PATH.");
        };
    }
}
