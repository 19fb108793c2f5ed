package dev.pvw.warehouse;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;

/**
 * How to open a warehouse: how long to wait for another process that holds it, whether a missing warehouse may be
 * created (only commands that write may), whether the session is the engine's read-only kind (which refuses every
 * write, and on DuckDB lets other readers open the file beside it), and the engine's own settings by name (such as
 * DuckDB's {@code memory_limit}), which another engine refuses.
 */
public record OpenOptions(
        Duration lockWait, boolean createIfMissing, boolean readOnlySession, Map<String, String> engineSettings) {
    public OpenOptions {
        requireNonNull(lockWait, "lockWait");
        engineSettings = Map.copyOf(engineSettings);
    }

    /** For a command that writes: waits {@code lockWait}, creates a missing warehouse, engine defaults. */
    public static OpenOptions forWriting(Duration lockWait) {
        return new OpenOptions(lockWait, true, false, Map.of());
    }

    /** For a command that only reads: waits {@code lockWait}, never creates anything, engine defaults. */
    public static OpenOptions forReading(Duration lockWait) {
        return new OpenOptions(lockWait, false, false, Map.of());
    }

    public OpenOptions withEngineSettings(Map<String, String> settings) {
        return new OpenOptions(lockWait, createIfMissing, readOnlySession, settings);
    }

    /** The same, in the engine's read-only session: for readers that must never stand in a run's way for long. */
    public OpenOptions inReadOnlySession() {
        return new OpenOptions(lockWait, false, true, engineSettings);
    }
}
