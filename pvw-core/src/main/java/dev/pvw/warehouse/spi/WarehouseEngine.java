package dev.pvw.warehouse.spi;

import dev.pvw.warehouse.Dialect;
import dev.pvw.warehouse.OpenOptions;
import dev.pvw.warehouse.Warehouse;
import dev.pvw.warehouse.WarehouseUrl;
import java.nio.file.Path;

/**
 * An engine pvw runs on, found through {@link java.util.ServiceLoader}: a jar that lists an implementation in
 * {@code META-INF/services/dev.pvw.warehouse.spi.WarehouseEngine} adds an engine. See docs/engines.md.
 */
public interface WarehouseEngine {
    /** The engine's capabilities; its name is also its folder of SQL overrides. */
    Dialect dialect();

    /** Whether {@code url} names a warehouse of this engine. */
    boolean accepts(String url);

    /** The form of this engine's URLs, for a user who gave none that pvw knows: {@code jdbc:duckdb:PATH}. */
    String urlForm();

    /** The URL with a relative path in it taken in {@code directory}; the URL itself where it has none. */
    default WarehouseUrl inWorkingDirectory(WarehouseUrl url, Path directory) {
        return url;
    }

    /**
     * Opens the warehouse. With {@link OpenOptions#createIfMissing()} false, fails with one sentence when it does not
     * exist, and creates nothing.
     */
    Warehouse open(WarehouseUrl url, OpenOptions options);
}
