package dev.pvw.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine a benchmark ran on, as far as its numbers depend on it.
 *
 * @param cores processors the JVM sees
 * @param memoryBytes total memory, from /proc/meminfo (0 where unknown)
 * @param loadAverage the 1, 5 and 15 minute load averages from /proc/loadavg, or "unknown"
 */
public record Machine(int cores, long memoryBytes, String loadAverage) {
    static Machine now() {
        return new Machine(Runtime.getRuntime().availableProcessors(), totalMemory(), currentLoad());
    }

    private static long totalMemory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> line.replaceAll("[^0-9]", ""))
                    .mapToLong(kilobytes -> Long.parseLong(kilobytes) * 1024)
                    .findFirst()
                    .orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String currentLoad() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
