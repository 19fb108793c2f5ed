package dev.pvw.engine.postgresql;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.engine.jdbc.JdbcDialect;
import dev.pvw.engine.jdbc.JdbcEngine;
import dev.pvw.warehouse.Dialect;
import dev.pvw.warehouse.WarehouseUrl;
import java.util.Map;

/** PostgreSQL 14 and later, {@code jdbc:postgresql://HOST:PORT/DB}: a server many processes share. */
public final class PostgresEngine extends JdbcEngine {
    private static final String PREFIX = "jdbc:postgresql:";

    public PostgresEngine() {
        super(PREFIX, PREFIX + "//HOST:PORT/DB");
    }

    @Override
    public Dialect dialect() {
        return new PostgresDialect();
    }

    @Override
    protected JdbcDialect dialect(WarehouseUrl url, Map<String, String> engineSettings) {
        if (!engineSettings.isEmpty()) {
            throw new PvwException(
                    ErrorCode.USAGE,
                    "The --duckdb-* options apply to DuckDB warehouses, not to " + url.redacted()
                            + "; set work_mem and temp_file_limit on the PostgreSQL server or role instead.");
        }
        return new PostgresDialect();
    }

    /** Connecting never creates a database: a missing one refuses the connection, and its schemas are checked after. */
    @Override
    protected boolean missing(WarehouseUrl url) {
        return false;
    }
}
