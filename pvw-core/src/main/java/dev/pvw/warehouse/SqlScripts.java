package dev.pvw.warehouse;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads SQL from {@code sql/<engine>/<name>.sql}, falling back to {@code sql/portable/<name>.sql}: a dialect folder
 * overrides a portable file only where the engine really differs.
 */
public final class SqlScripts {
    private static final String PORTABLE = "portable";

    /**
     * By folder, the scripts looked up so far in this JVM, found or not: the class path does not change while it runs,
     * and a long-lived process (the scheduler, the web page, the tests) opens a warehouse, and so asks for the same
     * scripts, many times. A lookup that misses the engine's folder searches every jar of the class path.
     */
    private static final Map<String, Map<String, Optional<Script>>> LOADED = new ConcurrentHashMap<>();

    private final String folder;
    private final Map<String, Optional<Script>> cache;

    /** The scripts of the engine whose folder under {@code sql/} is {@code folder}. */
    public SqlScripts(String folder) {
        this.folder = requireNonNull(folder, "folder");
        this.cache = LOADED.computeIfAbsent(folder, name -> new ConcurrentHashMap<>());
    }

    /** The script called {@code name} (a path under the dialect folder, without {@code .sql}). */
    public Script get(String name) {
        return find(name)
                .orElseThrow(() ->
                        new IllegalStateException("No SQL script " + name + " for " + folder + " or " + PORTABLE));
    }

    /** The script called {@code name}, or empty where neither the engine's folder nor the portable one has it. */
    public Optional<Script> find(String name) {
        return cache.computeIfAbsent(name, this::load);
    }

    /** The script called {@code name} in the engine's own folder only: a hook, which portable SQL never has. */
    public Optional<Script> findOwn(String name) {
        return find(name).filter(script -> !script.resource().startsWith("sql/" + PORTABLE + "/"));
    }

    private Optional<Script> load(String name) {
        for (String each : new String[] {folder, PORTABLE}) {
            String resource = "sql/" + each + "/" + name + ".sql";
            try (InputStream in = SqlScripts.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    return Optional.of(new Script(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
        }
        return Optional.empty();
    }

    /** One SQL resource and where it came from, so that errors can name it. */
    public record Script(String resource, String text) {
        public Script {
            requireNonNull(resource, "resource");
            requireNonNull(text, "text");
        }
    }
}
