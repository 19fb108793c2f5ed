package dev.pvw.engine.jdbc;

import static java.util.Objects.requireNonNull;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.warehouse.OpenOptions;
import dev.pvw.warehouse.Schema;
import dev.pvw.warehouse.Warehouse;
import dev.pvw.warehouse.WarehouseUrl;
import dev.pvw.warehouse.spi.WarehouseEngine;
import java.sql.SQLException;
import java.util.Map;

/** An engine pvw reaches through a JDBC driver: opening is connecting with the engine's dialect. */
public abstract class JdbcEngine implements WarehouseEngine {
    private final String prefix;
    private final String urlForm;

    /** An engine whose URLs start with {@code prefix}, written {@code urlForm} for a user who gave another. */
    protected JdbcEngine(String prefix, String urlForm) {
        this.prefix = requireNonNull(prefix, "prefix");
        this.urlForm = requireNonNull(urlForm, "urlForm");
    }

    @Override
    public final boolean accepts(String url) {
        return url.startsWith(prefix);
    }

    @Override
    public final String urlForm() {
        return urlForm;
    }

    /** The dialect that opens {@code url} with the engine's own settings, which it validates. */
    protected abstract JdbcDialect dialect(WarehouseUrl url, Map<String, String> engineSettings);

    /**
     * Whether connecting to {@code url} could create a warehouse that does not exist (an embedded database's file), so
     * that a command that only reads must look first.
     */
    protected abstract boolean missing(WarehouseUrl url);

    @Override
    public final Warehouse open(WarehouseUrl url, OpenOptions options) {
        JdbcDialect dialect = dialect(url, options.engineSettings());
        if (!options.createIfMissing() && missing(url)) {
            throw Schema.notCreated(url);
        }
        try {
            WarehouseUrl connectTo = options.readOnlySession() ? dialect.readOnly(url) : url;
            return new Warehouse(
                    url, dialect, new JdbcSession(url, dialect, dialect.connect(connectTo, options.lockWait())));
        } catch (SQLException e) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "Cannot open warehouse " + url.redacted() + ": " + Warehouse.firstLine(e.getMessage())
                            + "; check the URL and that the database is reachable.",
                    e);
        }
    }
}
