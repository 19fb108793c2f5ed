package dev.pvw.warehouse;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.warehouse.spi.WarehouseEngine;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The engines on the class path, found through {@link ServiceLoader}, and the one a warehouse URL names. */
public final class Engines {
    private Engines() {}

    /** Parses a URL given on the command line or in PVW_WAREHOUSE, for one of the engines pvw has. */
    static WarehouseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new PvwException(
                    ErrorCode.USAGE, "The warehouse URL is empty; give a URL such as " + WarehouseUrl.DEFAULT + ".");
        }
        String trimmed = url.strip();
        return Loaded.ENGINES.stream()
                .filter(engine -> engine.accepts(trimmed))
                .findFirst()
                .map(engine -> new WarehouseUrl(trimmed, engine.dialect().name()))
                .orElseThrow(() -> new PvwException(
                        ErrorCode.USAGE,
                        "Unsupported warehouse URL " + WarehouseUrl.redact(trimmed) + "; use "
                                + Loaded.ENGINES.stream()
                                        .map(WarehouseEngine::urlForm)
                                        .collect(Collectors.joining(" or "))
                                + "."));
    }

    /** The engine of a parsed URL. */
    public static WarehouseEngine of(WarehouseUrl url) {
        return Loaded.ENGINES.stream()
                .filter(engine -> engine.dialect().name().equals(url.engine()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No engine " + url.engine() + " on the class path"));
    }

    /** Loaded once, on first use, so that a command that opens no warehouse loads no engine. */
    private static final class Loaded {
        static final List<WarehouseEngine> ENGINES = ServiceLoader.load(WarehouseEngine.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }
}
