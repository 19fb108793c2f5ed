package dev.pvw.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Stream;

/** An engine the shared suites run on: it hands out a fresh, empty warehouse per test, or a copy of a prepared one. */
public interface TestingEngine {
    /** A JDBC URL of a new empty warehouse; {@code directory} is the test's own temp folder. */
    String newWarehouseUrl(Path directory);

    /**
     * A JDBC URL of a new warehouse holding what the warehouse at {@code url} holds, which nothing may have open;
     * {@code directory} is the test's own temp folder.
     */
    String copyWarehouse(String url, Path directory);

    String name();

    /** A connection for the test's own SQL (landing extracts, reading tables) on the warehouse at {@code url}. */
    default Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }

    /**
     * Whether the in-process {@code pvw args...} may run while the test holds a connection to the warehouse open
     * ({@link TestingWarehouse#heldOpen()}): a server, or a Spark session of the test JVM, serves both.
     */
    default boolean servesWhileHeld(String... args) {
        return true;
    }

    /**
     * DuckDB's settings in the URL of every warehouse the fast tier makes: one thread per database, as two test JVMs
     * share the machine's cores and a test's tables hold a handful of rows, where DuckDB's threads cost more than they
     * save (DEVELOPMENT.md, "Two tiers"). The full tier opens its warehouses with DuckDB's default, a thread per core.
     */
    String DUCKDB_FAST_TIER_SETTINGS = ";threads=1";

    /** The database file of a {@code jdbc:duckdb:} URL, without the settings after {@code ;}. */
    static Path duckDbFile(String url) {
        return Path.of(url.substring(
                "jdbc:duckdb:".length(), url.length() - duckDbSettings(url).length()));
    }

    /** The settings of a {@code jdbc:duckdb:} URL from its first {@code ;} on, or "" where it has none. */
    static String duckDbSettings(String url) {
        int settings = url.indexOf(';');
        return settings < 0 ? "" : url.substring(settings);
    }

    /** Embedded DuckDB in a file of the test's temp folder. */
    TestingEngine DUCKDB = new TestingEngine() {
        private static final String PREFIX = "jdbc:duckdb:";

        @Override
        public String newWarehouseUrl(Path directory) {
            return PREFIX + directory.resolve("warehouse.duckdb") + (TestTier.full() ? "" : DUCKDB_FAST_TIER_SETTINGS);
        }

        /** Copies the database file, under its own name, and its write-ahead log, if any; the settings stay. */
        @Override
        public String copyWarehouse(String url, Path directory) {
            Path source = duckDbFile(url);
            String name = source.getFileName().toString();
            try (Stream<Path> files = Files.list(source.getParent())) {
                for (Path file : files.filter(
                                file -> file.getFileName().toString().startsWith(name))
                        .toList()) {
                    Files.copy(file, directory.resolve(file.getFileName()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot copy warehouse " + source, e);
            }
            Path copy = directory.resolve(name);
            if (!Files.exists(copy)) {
                throw new IllegalStateException("No warehouse file " + source + " to copy");
            }
            return PREFIX + copy + duckDbSettings(url);
        }

        /**
         * Where the test JVM holds the file open, the CLI joins that database only if it opens it as the test did: a
         * run does, with the URL's settings alone; the reading commands open it read-only, the {@code --duckdb-*}
         * options give settings of their own, and DuckDB refuses a second configuration of a database it has open.
         */
        @Override
        public boolean servesWhileHeld(String... args) {
            String command = null;
            for (int i = 0; i < args.length && command == null; i++) {
                if (args[i].equals("--warehouse")) {
                    i++;
                } else if (!args[i].startsWith("-")) {
                    command = args[i];
                }
            }
            return "run".equals(command) && Arrays.stream(args).noneMatch(arg -> arg.startsWith("--duckdb"));
        }

        @Override
        public String name() {
            return "duckdb";
        }
    };

    /** A fresh database on a real PostgreSQL server shared by every test of the JVM (see EmbeddedPostgresServer). */
    TestingEngine POSTGRESQL = new TestingEngine() {
        @Override
        public String newWarehouseUrl(Path directory) {
            return EmbeddedPostgresServer.newDatabaseUrl();
        }

        /** CREATE DATABASE ... TEMPLATE, which copies the template's files on the server. */
        @Override
        public String copyWarehouse(String url, Path directory) {
            return EmbeddedPostgresServer.copyDatabase(url);
        }

        @Override
        public String name() {
            return "postgresql";
        }
    };
}
