package dev.pvw.warehouse;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;

/**
 * How to open a warehouse: how long to wait for another process that holds it, whether a missing warehouse may be
 * created (only commands that write may), and the engine's own settings by name (such as DuckDB's
 * {@code memory_limit}), which another engine refuses.
 */
public record OpenOptions(Duration lockWait, boolean createIfMissing, Map<String, String> engineSettings) {
    public OpenOptions {
        requireNonNull(lockWait, "lockWait");
        engineSettings = Map.copyOf(engineSettings);
    }

    /** For a command that writes: waits {@code lockWait}, creates a missing warehouse, engine defaults. */
    public static OpenOptions forWriting(Duration lockWait) {
        return new OpenOptions(lockWait, true, Map.of());
    }

    /** For a command that only reads: waits {@code lockWait}, never creates anything, engine defaults. */
    public static OpenOptions forReading(Duration lockWait) {
        return new OpenOptions(lockWait, false, Map.of());
    }

    public OpenOptions withEngineSettings(Map<String, String> settings) {
        return new OpenOptions(lockWait, createIfMissing, settings);
    }
}
