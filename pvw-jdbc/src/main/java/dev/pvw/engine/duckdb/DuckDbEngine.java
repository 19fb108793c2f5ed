package dev.pvw.engine.duckdb;

import dev.pvw.engine.jdbc.JdbcDialect;
import dev.pvw.engine.jdbc.JdbcEngine;
import dev.pvw.warehouse.Dialect;
import dev.pvw.warehouse.WarehouseUrl;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Embedded DuckDB, the default engine: a warehouse is one database file, {@code jdbc:duckdb:PATH}. */
public final class DuckDbEngine extends JdbcEngine {
    static final String PREFIX = "jdbc:duckdb:";

    public DuckDbEngine() {
        super(PREFIX, PREFIX + "PATH");
    }

    @Override
    public Dialect dialect() {
        return new DuckDbDialect(DuckDbSettings.DEFAULTS);
    }

    @Override
    protected JdbcDialect dialect(WarehouseUrl url, Map<String, String> engineSettings) {
        return new DuckDbDialect(DuckDbSettings.fromEngineSettings(engineSettings));
    }

    /** A file that is not there would be created by connecting; an in-memory database never exists beforehand. */
    @Override
    protected boolean missing(WarehouseUrl url) {
        return file(url).map(path -> !Files.exists(path)).orElse(false);
    }

    /**
     * The JVM resolves a relative file against its own start directory, which is the working directory only when pvw
     * runs as its own process; resolving here keeps "the working directory" of SPEC section 1 true when embedded.
     */
    @Override
    public WarehouseUrl inWorkingDirectory(WarehouseUrl url, Path directory) {
        Optional<String> path = path(url);
        if (path.isEmpty() || Path.of(path.get()).isAbsolute()) {
            return url;
        }
        String target = url.value().substring(PREFIX.length());
        return new WarehouseUrl(
                PREFIX
                        + directory.resolve(path.get())
                        + target.substring(path.get().length()),
                url.engine());
    }

    /** The database file a URL names, without its options; empty for an in-memory database or a name the driver resolves. */
    private static Optional<Path> file(WarehouseUrl url) {
        return path(url).map(Path::of);
    }

    /** The path part of a URL, as written, where it names a file. */
    private static Optional<String> path(WarehouseUrl url) {
        String target = url.value().substring(PREFIX.length());
        int options = target.indexOf(';');
        String path = options < 0 ? target : target.substring(0, options);
        // Empty or ':memory:' is in memory; '~' and 'md:' style names are the driver's to resolve.
        if (path.isEmpty() || path.contains(":") || path.startsWith("~")) {
            return Optional.empty();
        }
        try {
            Path.of(path);
            return Optional.of(path);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
