package dev.pvw.warehouse;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads SQL from {@code sql/<engine>/<name>.sql}, falling back to {@code sql/portable/<name>.sql}: a dialect folder
 * overrides a portable file only where the engine really differs.
 */
public final class SqlScripts {
    private final Engine engine;
    private final Map<String, Script> cache = new ConcurrentHashMap<>();

    public SqlScripts(Engine engine) {
        this.engine = requireNonNull(engine, "engine");
    }

    /** The script called {@code name} (a path under the dialect folder, without {@code .sql}). */
    public Script get(String name) {
        return cache.computeIfAbsent(name, this::load);
    }

    private Script load(String name) {
        for (String folder : new String[] {engine.folder(), "portable"}) {
            String resource = "sql/" + folder + "/" + name + ".sql";
            try (InputStream in = SqlScripts.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    return new Script(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
        }
        throw new IllegalStateException("No SQL script " + name + " for " + engine.folder() + " or portable");
    }

    /** One SQL resource and where it came from, so that errors can name it. */
    public record Script(String resource, String text) {
        public Script {
            requireNonNull(resource, "resource");
            requireNonNull(text, "text");
        }
    }
}
