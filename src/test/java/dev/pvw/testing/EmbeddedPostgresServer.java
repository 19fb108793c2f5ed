package dev.pvw.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM, from the binaries on Maven Central (io.zonky.test), started on first use
 * and stopped when the JVM exits. Each test gets a database of its own.
 */
final class EmbeddedPostgresServer {
    /** The superuser the server is initialised with; it trusts local connections, so any password is accepted. */
    static final String USER = "postgres";

    /** Given in every URL so that the tests see passwords being redacted; the server ignores it. */
    static final String PASSWORD = "pvw-test-secret";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {}

    /** Creates a new empty database and returns its JDBC URL, user and password included. */
    static String newDatabaseUrl() {
        String database = "pvw_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(url("postgres"));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + database + ": " + e.getMessage(), e);
        }
        return url(database);
    }

    /** The URL of a database of the shared server. */
    static String url(String database) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database + "?user=" + USER + "&password="
                + PASSWORD;
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                // Durability is pointless for a throw-away test server; these make CREATE DATABASE and commits fast.
                server = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
            }
        }
        return server;
    }
}
