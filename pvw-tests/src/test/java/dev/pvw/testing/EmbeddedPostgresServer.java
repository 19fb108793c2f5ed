package dev.pvw.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
    private static final Pattern DATABASE_IN_URL = Pattern.compile("^jdbc:postgresql://[^/]+/([a-z0-9_]+)\\?");
    private static final String OBJECT_IN_USE = "55006";
    private static final Duration TEMPLATE_IN_USE_WAIT = Duration.ofSeconds(5);
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {}

    /** Creates a new empty database and returns its JDBC URL, user and password included. */
    static String newDatabaseUrl() {
        String database = newDatabaseName();
        createDatabase("CREATE DATABASE " + database, database);
        return url(database);
    }

    /** Creates a new database as a copy of the one at {@code templateUrl}, which nothing may have open. */
    static String copyDatabase(String templateUrl) {
        Matcher matcher = DATABASE_IN_URL.matcher(templateUrl);
        if (!matcher.find()) {
            throw new IllegalArgumentException("Not a URL of the test server: " + templateUrl);
        }
        String database = newDatabaseName();
        createDatabase("CREATE DATABASE " + database + " TEMPLATE " + matcher.group(1), database);
        return url(database);
    }

    private static String newDatabaseName() {
        return "pvw_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    }

    private static void createDatabase(String sql, String database) {
        Instant giveUpAt = Instant.now().plus(TEMPLATE_IN_USE_WAIT);
        while (true) {
            try (Connection connection = DriverManager.getConnection(url("postgres"));
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
                return;
            } catch (SQLException e) {
                // A connection the test just closed can take a moment to end on the server, and a template in use
                // cannot be copied.
                if (!OBJECT_IN_USE.equals(e.getSQLState()) || Instant.now().isAfter(giveUpAt)) {
                    throw new IllegalStateException(
                            "Cannot create test database " + database + ": " + e.getMessage(), e);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted creating test database " + database, interrupted);
            }
        }
    }

    /**
     * A data directory of this JVM's own, which the server leaves behind when the JVM exits: a database per test makes
     * hundreds of thousands of files, and deleting them at exit held the test JVM past surefire's 30 seconds. The
     * directories of JVMs that have ended are deleted instead by the next test JVM that starts a server, beside its
     * tests.
     */
    private static Path dataDirectory() throws IOException {
        Path parent = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "pvw-test-postgres"));
        Thread reaper = new Thread(() -> deleteDirectoriesOfEndedJvms(parent), "pvw-test-postgres-reaper");
        reaper.setDaemon(true);
        reaper.start();
        return parent.resolve(String.valueOf(ProcessHandle.current().pid()));
    }

    private static void deleteDirectoriesOfEndedJvms(Path parent) {
        try (Stream<Path> directories = Files.list(parent)) {
            directories
                    .filter(directory -> directory.getFileName().toString().matches("\\d+"))
                    .filter(directory -> ProcessHandle.of(
                                    Long.parseLong(directory.getFileName().toString()))
                            .isEmpty())
                    .forEach(JvmTempFolders::delete);
        } catch (IOException | UncheckedIOException e) {
            // Leftovers cost only disk space in the temp folder; the tests do not depend on them being gone.
        }
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
                        .setDataDirectory(dataDirectory())
                        .setCleanDataDirectory(false)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
            }
        }
        return server;
    }
}
