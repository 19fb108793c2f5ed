package dev.pvw.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The peak resident memory of this process, from Linux's {@code /proc/self/status} (VmHWM): it includes DuckDB's
 * native memory, which the JVM's own figures leave out.
 */
final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {}

    /** The high-water mark of resident memory in bytes, or empty where /proc is not there. */
    static OptionalLong peakBytes() {
        return field("VmHWM:");
    }

    private static OptionalLong field(String name) {
        try {
            return Files.readAllLines(STATUS).stream()
                    .filter(line -> line.startsWith(name))
                    .map(line -> line.substring(name.length()).strip())
                    .filter(value -> value.endsWith(" kB"))
                    .mapToLong(value -> Long.parseLong(
                                    value.substring(0, value.length() - 3).strip())
                            * 1024)
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
