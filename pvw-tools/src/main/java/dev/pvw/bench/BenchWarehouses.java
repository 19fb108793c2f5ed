package dev.pvw.bench;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.warehouse.Identifier;
import dev.pvw.warehouse.OpenOptions;
import dev.pvw.warehouse.Warehouse;
import dev.pvw.warehouse.WarehouseUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark's own warehouses on the measured engine, one per phase, each made afresh (replacing what an earlier
 * run left) and deleted at the end unless kept: DuckDB files in the data directory, databases of their own on a
 * PostgreSQL server, or local Spark warehouses in the data directory.
 */
sealed interface BenchWarehouses {
    Duration LOCK_WAIT = Duration.ofSeconds(5);

    /** The warehouses of the engine the settings name. */
    static BenchWarehouses of(BenchSettings settings) {
        return switch (settings.engine()) {
            case DUCKDB -> new DuckDb(settings);
            case POSTGRESQL -> new Postgres(settings);
            case SPARK -> new Spark(settings);
        };
    }

    /** The URL of the warehouse called {@code name}, as a fresh process is given it. */
    WarehouseUrl url(String name);

    /** Removes the warehouse called {@code name}, if there is one. */
    void delete(String name);

    /** The options a fresh process gets besides the warehouse: the engine's settings as a user gives them. */
    default List<String> processOptions() {
        return List.of();
    }

    /** The bytes the warehouse takes on disk. */
    long bytes(Warehouse warehouse, String name);

    /** A new empty warehouse called {@code name}. */
    default Warehouse create(String name) {
        delete(name);
        return open(name);
    }

    /** The warehouse called {@code name}, as it is. */
    default Warehouse open(String name) {
        return Warehouse.open(url(name), OpenOptions.forWriting(LOCK_WAIT));
    }

    /** DuckDB files with DuckDB's memory_limit and a spill directory beside them. */
    record DuckDb(BenchSettings settings) implements BenchWarehouses {
        private static final String SPILL_DIRECTORY = "duckdb-spill";

        @Override
        public WarehouseUrl url(String name) {
            return WarehouseUrl.parse("jdbc:duckdb:" + file(name));
        }

        /** The warehouse with the memory limit and spill directory that {@link #processOptions()} give a process. */
        @Override
        public Warehouse open(String name) {
            return Warehouse.open(
                    WarehouseUrl.parse(url(name).value() + ";memory_limit=" + settings.memoryLimit()
                            + ";temp_directory=" + spillDirectory()),
                    OpenOptions.forWriting(LOCK_WAIT));
        }

        @Override
        public Warehouse create(String name) {
            delete(name);
            createDirectories(spillDirectory());
            return open(name);
        }

        @Override
        public List<String> processOptions() {
            return List.of(
                    "--duckdb-memory-limit",
                    settings.memoryLimit(),
                    "--duckdb-temp-dir",
                    spillDirectory().toString());
        }

        @Override
        public long bytes(Warehouse warehouse, String name) {
            return files(name).stream().mapToLong(BenchWarehouses::size).sum();
        }

        /** Removes the warehouse's file and write-ahead log, and the spill directory if it is empty. */
        @Override
        public void delete(String name) {
            try {
                for (Path file : files(name)) {
                    Files.deleteIfExists(file);
                }
                Path spill = spillDirectory();
                if (Files.isDirectory(spill)) {
                    try (var entries = Files.list(spill)) {
                        if (entries.findAny().isEmpty()) {
                            Files.delete(spill);
                        }
                    }
                }
            } catch (IOException e) {
                throw cannotRemove(file(name), e);
            }
        }

        private Path spillDirectory() {
            return settings.dataDirectory().resolve(SPILL_DIRECTORY);
        }

        private Path file(String name) {
            return settings.dataDirectory().resolve(name + ".duckdb");
        }

        private List<Path> files(String name) {
            Path file = file(name);
            return List.of(file, file.resolveSibling(file.getFileName() + ".wal"));
        }
    }

    /**
     * Databases {@code pvw_bench_growth} and {@code pvw_bench_brief} on the server of {@code --server}, made and dropped
     * through the database that URL names; its role needs CREATEDB.
     */
    record Postgres(BenchSettings settings) implements BenchWarehouses {
        private static final Pattern DATABASE = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?$");

        /** Refuses a server URL in which no database can be put in place of the one it names. */
        public Postgres {
            if (!DATABASE.matcher(settings.server().orElseThrow().value()).matches()) {
                throw new PvwException(
                        ErrorCode.USAGE,
                        "--server must be a PostgreSQL URL such as jdbc:postgresql://HOST:PORT/postgres?user=USER, not "
                                + settings.server().orElseThrow().redacted() + ".");
            }
        }

        @Override
        public WarehouseUrl url(String name) {
            Matcher matcher = DATABASE.matcher(server().value());
            if (!matcher.matches()) {
                throw new IllegalStateException("The server's URL is checked when its warehouses are made");
            }
            String query = matcher.group(3) == null ? "" : matcher.group(3);
            return WarehouseUrl.parse(matcher.group(1) + database(name).sql() + query);
        }

        @Override
        public Warehouse create(String name) {
            delete(name);
            administer("bench/create_database", name);
            return open(name);
        }

        @Override
        public void delete(String name) {
            administer("bench/drop_database", name);
        }

        @Override
        public long bytes(Warehouse warehouse, String name) {
            return warehouse.queryLong("bench/database_bytes", Map.of());
        }

        private void administer(String script, String name) {
            try (Warehouse server = Warehouse.open(server(), OpenOptions.forWriting(LOCK_WAIT))) {
                server.update(script, Map.of(), Map.of("database", database(name)));
            }
        }

        private WarehouseUrl server() {
            return settings.server().orElseThrow();
        }

        private static Identifier database(String name) {
            return new Identifier("pvw_" + name.replace('-', '_'));
        }
    }

    /** Local Spark warehouses, a directory each in the data directory. */
    record Spark(BenchSettings settings) implements BenchWarehouses {
        @Override
        public WarehouseUrl url(String name) {
            return WarehouseUrl.parse("spark:local:" + directory(name));
        }

        @Override
        public long bytes(Warehouse warehouse, String name) {
            try (Stream<Path> files = Files.walk(directory(name))) {
                return files.filter(Files::isRegularFile)
                        .mapToLong(BenchWarehouses::size)
                        .sum();
            } catch (IOException | UncheckedIOException e) {
                return 0;
            }
        }

        @Override
        public void delete(String name) {
            Path directory = directory(name);
            if (!Files.exists(directory)) {
                return;
            }
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            } catch (IOException | UncheckedIOException e) {
                throw cannotRemove(directory, e);
            }
        }

        private Path directory(String name) {
            return settings.dataDirectory().resolve(name);
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            // A size is only reported; a file that went away counts as nothing.
            return 0;
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "Cannot create the benchmark's data directory " + directory + " (" + e.getMessage()
                            + "); give --data-dir a folder you can write to.",
                    e);
        }
    }

    private static PvwException cannotRemove(Path path, Exception e) {
        return new PvwException(
                ErrorCode.FAILURE,
                "Cannot remove the benchmark's warehouse " + path + " (" + e.getMessage()
                        + "); remove it by hand and run again.",
                e);
    }
}
