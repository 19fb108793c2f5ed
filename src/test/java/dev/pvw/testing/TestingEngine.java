package dev.pvw.testing;

import java.nio.file.Path;

/** An engine the shared suites run on: it hands out a fresh, empty warehouse per test. */
public interface TestingEngine {
    /** A JDBC URL of a new empty warehouse; {@code directory} is the test's own temp folder. */
    String newWarehouseUrl(Path directory);

    String name();

    /** Embedded DuckDB in a file of the test's temp folder. */
    TestingEngine DUCKDB = new TestingEngine() {
        @Override
        public String newWarehouseUrl(Path directory) {
            return "jdbc:duckdb:" + directory.resolve("warehouse.duckdb");
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

        @Override
        public String name() {
            return "postgresql";
        }
    };
}
