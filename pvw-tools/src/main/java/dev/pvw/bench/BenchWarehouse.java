package dev.pvw.bench;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.warehouse.OpenOptions;
import dev.pvw.warehouse.Warehouse;
import dev.pvw.warehouse.WarehouseUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The benchmark's own DuckDB warehouses, one file each in the data directory, with DuckDB's memory_limit and a spill
 * directory beside them. Each is made afresh, replacing what an earlier run left.
 */
final class BenchWarehouse {
    private static final String SPILL_DIRECTORY = "duckdb-spill";

    private BenchWarehouse() {}

    /** A new empty warehouse called {@code name} in the data directory. */
    static Warehouse create(BenchSettings settings, String name) {
        delete(settings, name);
        Path spill = settings.dataDirectory().resolve(SPILL_DIRECTORY);
        try {
            Files.createDirectories(spill);
        } catch (IOException e) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "Cannot create the benchmark's data directory " + spill + " (" + e.getMessage()
                            + "); give --data-dir a folder you can write to.",
                    e);
        }
        return open(settings, name);
    }

    /** The warehouse called {@code name} in the data directory, as it is. */
    static Warehouse open(BenchSettings settings, String name) {
        String url = "jdbc:duckdb:" + file(settings, name) + ";memory_limit=" + settings.memoryLimit()
                + ";temp_directory=" + spillDirectory(settings);
        return Warehouse.open(WarehouseUrl.parse(url), OpenOptions.forWriting(Duration.ofSeconds(5)));
    }

    /** Where DuckDB spills beyond its memory_limit. */
    static Path spillDirectory(BenchSettings settings) {
        return settings.dataDirectory().resolve(SPILL_DIRECTORY);
    }

    /** The size of the warehouse's file and write-ahead log. */
    static long fileBytes(BenchSettings settings, String name) {
        long bytes = 0;
        for (Path file : files(settings, name)) {
            try {
                bytes += Files.exists(file) ? Files.size(file) : 0;
            } catch (IOException e) {
                // A size is only reported; a file that went away counts as nothing.
            }
        }
        return bytes;
    }

    /** Removes the warehouse's files and the spill directory if it is empty. */
    static void delete(BenchSettings settings, String name) {
        try {
            for (Path file : files(settings, name)) {
                Files.deleteIfExists(file);
            }
            Path spill = settings.dataDirectory().resolve(SPILL_DIRECTORY);
            if (Files.isDirectory(spill)) {
                try (var entries = Files.list(spill)) {
                    if (entries.findAny().isEmpty()) {
                        Files.delete(spill);
                    }
                }
            }
        } catch (IOException e) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "Cannot remove the benchmark's warehouse " + file(settings, name) + " (" + e.getMessage()
                            + "); remove it by hand and run again.",
                    e);
        }
    }

    static Path file(BenchSettings settings, String name) {
        return settings.dataDirectory().resolve(name + ".duckdb");
    }

    private static List<Path> files(BenchSettings settings, String name) {
        Path file = file(settings, name);
        return List.of(file, file.resolveSibling(file.getFileName() + ".wal"));
    }
}
