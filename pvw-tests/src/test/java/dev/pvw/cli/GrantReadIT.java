package dev.pvw.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvw.testing.CliResult;
import dev.pvw.testing.PageviewRow;
import dev.pvw.testing.TestingEngine;
import dev.pvw.testing.TestingWarehouse;
import dev.pvw.testing.UserRow;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pvw grant-read ROLE}: marts readable, raw and core not; PostgreSQL only. */
class GrantReadIT {
    private static final AtomicInteger ROLES = new AtomicInteger();

    @TempDir
    Path directory;

    @Test
    void aGrantedRoleReadsBothMartsAndNothingInRawOrCore() throws SQLException {
        TestingWarehouse warehouse = loadedPostgresWarehouse();
        String role = newRole(warehouse);

        CliResult granted = warehouse.pvw("grant-read", role);

        assertThat(granted.exitCode()).as(granted.toString()).isZero();
        assertThat(granted.out()).contains(role).doesNotContain(passwordOf(warehouse));
        try (Connection reader = DriverManager.getConnection(urlFor(warehouse, role))) {
            assertThat(count(reader, "mart.pageviews_hourly_by_current_postcode"))
                    .isEqualTo(1);
            assertThat(count(reader, "mart.pageviews_hourly_by_postcode_at_view"))
                    .isEqualTo(1);
            for (String table : List.of(
                    "core.pageview_fact",
                    "core.user_postcode_history",
                    "core.runs",
                    "raw.users_extract",
                    "raw.pageviews_extract")) {
                assertThatThrownBy(() -> count(reader, table))
                        .as(table)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                                .isEqualTo("42501"));
            }
        }
    }

    @Test
    void grantingTwiceIsHarmless() {
        TestingWarehouse warehouse = loadedPostgresWarehouse();
        String role = newRole(warehouse);

        assertThat(warehouse.pvw("grant-read", role).exitCode()).isZero();
        assertThat(warehouse.pvw("grant-read", role).exitCode()).isZero();
    }

    @Test
    void anUnknownRoleFailsWithASentenceSayingHowToCreateIt() {
        TestingWarehouse warehouse = new TestingWarehouse(TestingEngine.POSTGRESQL, directory);

        CliResult result = warehouse.pvw("grant-read", "no_such_role_" + ROLES.incrementAndGet());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("does not exist").contains("CREATE ROLE");
    }

    @Test
    void aRoleNameThatIsNotAPlainIdentifierIsBadUsage() {
        TestingWarehouse warehouse = new TestingWarehouse(TestingEngine.POSTGRESQL, directory);

        CliResult result = warehouse.pvw("grant-read", "bi\"; DROP SCHEMA mart CASCADE; --");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("not a plain identifier");
    }

    @Test
    void onDuckDbItIsBadUsageAndSaysItNeedsPostgresql() {
        TestingWarehouse warehouse = new TestingWarehouse(TestingEngine.DUCKDB, directory);

        CliResult result = warehouse.pvw("grant-read", "bi_reader");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("needs a PostgreSQL warehouse");
    }

    private TestingWarehouse loadedPostgresWarehouse() {
        TestingWarehouse warehouse = new TestingWarehouse(TestingEngine.POSTGRESQL, directory);
        assertThat(warehouse.pvw("init").exitCode()).isZero();
        warehouse.landUsers(List.of(new UserRow(1L, "A")));
        warehouse.landPageviews(
                List.of(new PageviewRow(1L, "https://www.website.com/", LocalDateTime.parse("2026-01-01T10:00"))));
        warehouse.run("2026-01-01T11:05:00", 0);
        return warehouse;
    }

    /** A login role of the test's own; roles belong to the whole server, so each test makes a new one. */
    private static String newRole(TestingWarehouse warehouse) {
        String role = "bi_reader_" + ProcessHandle.current().pid() + "_" + ROLES.incrementAndGet();
        warehouse.execute("CREATE ROLE " + role + " LOGIN");
        return role;
    }

    private static String urlFor(TestingWarehouse warehouse, String role) {
        return warehouse.url().replaceFirst("\\?.*$", "?user=" + role);
    }

    private static String passwordOf(TestingWarehouse warehouse) {
        return warehouse.url().replaceFirst("^.*password=", "");
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
