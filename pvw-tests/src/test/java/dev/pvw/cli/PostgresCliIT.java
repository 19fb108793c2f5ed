package dev.pvw.cli;

import static dev.pvw.testing.CliSentences.sentenceOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.CliResult;
import dev.pvw.testing.TestingEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The command line on a real PostgreSQL server, with what only a server has: ports and databases that are not. */
class PostgresCliIT extends AbstractCliIT {
    private static final String PASSWORD = "Hunter2-pw";

    @Override
    TestingEngine engine() {
        return TestingEngine.POSTGRESQL;
    }

    /** A server on a port that nothing listens on. */
    @Override
    String unopenableUrl() {
        return "jdbc:postgresql://localhost:" + unusedPort() + "/pvw?user=pvw";
    }

    @Override
    String openableUrlWithPassword(String password) {
        return warehouse.url().replaceFirst("password=[^&]*", "password=" + password);
    }

    @Override
    String unopenableUrlWithPassword(String password) {
        return unopenableUrl() + "&password=" + password;
    }

    /** A test's database exists from the start; untouched means pvw created none of its schemas in it. */
    @Override
    void assertUntouched(String url) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet schemas = statement.executeQuery("SELECT schema_name FROM information_schema.schemata"
                        + " WHERE schema_name IN ('raw', 'core', 'mart')")) {
            assertThat(schemas.next()).as("the warehouse has no schema of pvw").isFalse();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the schemas of " + url + ": " + e.getMessage(), e);
        }
    }

    @Test
    void aServerThatNothingListensOnExitsOneWithoutPrintingThePassword() {
        String url = unopenableUrlWithPassword(PASSWORD);

        CliResult result = warehouse.pvwWithoutWarehouse("--warehouse", url, "run");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(sentenceOf(result))
                .startsWith("Cannot open warehouse " + redacted(url))
                .contains("refused")
                .contains("check the URL");
        assertThat(result.out() + result.err()).doesNotContain(PASSWORD);
    }

    @Test
    void aDatabaseThatDoesNotExistExitsOneWithoutPrintingThePassword() {
        String url = warehouse
                .url()
                .replaceFirst("/pvw_[0-9_]+\\?", "/no_such_database?")
                .replaceFirst("password=[^&]*", "password=" + PASSWORD);

        CliResult result = warehouse.pvwWithoutWarehouse("--warehouse", url, "init");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(sentenceOf(result))
                .startsWith("Cannot open warehouse " + redacted(url))
                .contains("no_such_database")
                .contains("does not exist")
                .contains("check the URL");
        assertThat(result.out() + result.err()).doesNotContain(PASSWORD);
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port", e);
        }
    }
}
