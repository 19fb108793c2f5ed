package dev.pvw;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * When a pvw process reached each stage of a command, for {@code pvw bench}'s fresh-process runs: recorded only when
 * the system property {@value #PROPERTY} names a file, which {@link #write()} fills at the end, one stage a line.
 */
public final class ProcessTimeline {
    /** The system property naming the file to write. */
    public static final String PROPERTY = "pvw.timeline";

    /** The stages, in the order a run reaches them. */
    public enum Stage {
        /** {@code main} entered: the JVM is up and pvw's first class loaded. */
        MAIN,
        /** The warehouse is open (the engine's driver loaded, the database opened or connected). */
        OPENED,
        /** The schema check of the run is done (one catalog query, or the schema scripts when something was missing). */
        SCHEMA_CHECKED,
        /** The extract tables' columns are checked. */
        EXTRACTS_CHECKED,
        /** The command's work is done (for a run: committed). */
        WORK_DONE,
        /** The warehouse is closed. */
        CLOSED
    }

    private static final Path FILE =
            System.getProperty(PROPERTY) == null ? null : Path.of(System.getProperty(PROPERTY));
    private static final Map<Stage, Instant> MARKS = new EnumMap<>(Stage.class);

    private ProcessTimeline() {}

    /** Records that the process reached {@code stage} now, the first time only; nothing unless enabled. */
    public static synchronized void mark(Stage stage) {
        if (FILE != null) {
            MARKS.putIfAbsent(stage, Instant.now());
        }
    }

    /** Writes the stages reached, {@code STAGE epoch-microseconds} a line; nothing unless enabled. */
    public static synchronized void write() {
        if (FILE == null) {
            return;
        }
        String lines = MARKS.entrySet().stream()
                .map(entry -> entry.getKey() + " " + micros(entry.getValue()))
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.writeString(FILE, lines, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the process timeline " + FILE, e);
        }
    }

    /** The stages a process wrote to {@code file}. */
    public static Map<Stage, Instant> read(Path file) throws IOException {
        Map<Stage, Instant> marks = new EnumMap<>(Stage.class);
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            if (!line.isBlank()) {
                String[] parts = line.strip().split(" ");
                long micros = Long.parseLong(parts[1]);
                marks.put(
                        Stage.valueOf(parts[0]), Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1000));
            }
        }
        return marks;
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }
}
