package dev.pvw.engine.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.CliResult;
import dev.pvw.testing.PageviewRow;
import dev.pvw.testing.TestingEngine;
import dev.pvw.testing.TestingWarehouse;
import dev.pvw.testing.UserRow;
import dev.pvw.warehouse.SqlScripts;
import dev.pvw.warehouse.WarehouseUrl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only PostgreSQL has: the run lock, readers alongside runs, partitions, passwords in URLs. */
class PostgresWarehouseIT {
    @TempDir
    Path directory;

    TestingWarehouse warehouse;

    @BeforeEach
    void createWarehouse() {
        warehouse = new TestingWarehouse(TestingEngine.POSTGRESQL, directory);
        assertThat(warehouse.pvw("init").exitCode()).isZero();
        warehouse.landUsers(List.of(new UserRow(1L, "A")));
        warehouse.landPageviews(
                List.of(view("2026-01-01T23:59:00"), view("2026-01-02T00:10:00"), view("2026-01-02T00:20:00")));
    }

    @Test
    void aSecondRunFailsWithAClearSentenceWhenTheLockIsNotFreedInTime() throws SQLException {
        try (Connection other = holdRunLock()) {
            CliResult refused = warehouse.pvw("run", "--as-of", "2026-01-02T01:05:00", "--lock-wait", "1");

            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err())
                    .contains("Another pvw run holds this warehouse")
                    .contains("--lock-wait");
        }
        warehouse.run("2026-01-02T01:05:00", 0);
    }

    @Test
    void aSecondRunWaitsForTheLockThenCompletes() throws Exception {
        Connection other = holdRunLock();
        CompletableFuture<Void> release = CompletableFuture.runAsync(
                () -> closeQuietly(other), CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS));

        long started = System.nanoTime();
        CliResult result = warehouse.pvw("run", "--as-of", "2026-01-02T01:05:00", "--lock-wait", "30");

        release.get();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void aRunCompletesWhileABiReaderHoldsATransactionOnBothMarts() throws SQLException {
        warehouse.run("2026-01-02T01:05:00", 0);
        try (Connection reader = DriverManager.getConnection(warehouse.url())) {
            reader.setAutoCommit(false);
            try (Statement statement = reader.createStatement()) {
                statement.executeQuery("SELECT count(*) FROM mart.pageviews_hourly_by_current_postcode");
                statement.executeQuery("SELECT count(*) FROM mart.pageviews_hourly_by_postcode_at_view");
            }
            // A moved user rewrites both marts. Had the run asked for a lock that conflicts with the reader's
            // ACCESS SHARE (TRUNCATE, say), lock_timeout (= --lock-wait) would fail it.
            warehouse.landUsers(List.of(new UserRow(1L, "B")));
            warehouse.landPageviews(List.of(view("2026-01-02T01:10:00")));
            CliResult result = warehouse.pvw("run", "--as-of", "2026-01-02T02:05:00", "--lock-wait", "2");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            reader.rollback();
        }
        assertThat(warehouse.currentMart())
                .allSatisfy(row -> assertThat(row.postcode()).isEqualTo("B"));
    }

    @Test
    void aWarehouseWhoseLedgersHoldTheFirstFingerprintFormStillKnowsItsExtractsUnchanged() {
        warehouse.run("2026-01-02T01:05:00", 0);
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.pageview_batches WHERE fingerprint LIKE 'v2:%'"))
                .isEqualTo(1);
        // The ledgers as a pvw from before the v2 form wrote them: md5, untagged.
        warehouse.execute(
                "UPDATE core.users_snapshots SET fingerprint = (SELECT fingerprint FROM ("
                        + script("users/fingerprint_v1") + ") AS f)",
                "UPDATE core.pageview_batches SET fingerprint = (SELECT fingerprint FROM ("
                        + script("pageviews/fingerprint_v1") + ") AS f)");
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.users_snapshots WHERE fingerprint LIKE 'v%'"))
                .isZero();

        CliResult again = warehouse.run("2026-01-02T02:05:00", 0);

        assertThat(again.out() + again.err())
                .contains("users extract unchanged since the snapshot effective 2026-01-02")
                .contains("already loaded with this content");
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.users_snapshots"))
                .isEqualTo(1);
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.pageview_batches"))
                .isEqualTo(1);
    }

    private static String script(String name) {
        return new SqlScripts("postgresql").get(name).text();
    }

    @Test
    void theFactGetsADailyPartitionForEachDayItsRowsFallIn() {
        warehouse.run("2026-01-02T01:05:00", 0);

        assertThat(warehouse.query(
                        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                                + " WHERE i.inhparent = 'core.pageview_fact'::regclass AND c.relkind = 'r'"
                                + " ORDER BY c.relname",
                        rs -> rs.getString(1)))
                .containsExactly("pageview_fact_20260101", "pageview_fact_20260102");
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.pageview_fact_20260101"))
                .isEqualTo(1);
    }

    @Test
    void thePasswordNeverAppearsInOutputOrErrors() {
        String password = warehouse.url().replaceFirst("^.*password=", "");
        assertThat(password).isNotBlank();

        CliResult run = warehouse.run("2026-01-02T01:05:00", 0);
        CliResult status = warehouse.pvw("status");
        CliResult unreachable = warehouse.pvwWithoutWarehouse(
                "--warehouse", warehouse.url().replaceFirst("/pvw_[0-9_]+\\?", "/no_such_database?"), "status");

        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.err()).contains("Cannot open warehouse").contains("password=***");
        for (CliResult result : List.of(run, status, unreachable)) {
            assertThat(result.out() + result.err()).doesNotContain(password);
        }
    }

    @Test
    void lockTimeoutIsTheLockWaitUnlessTheUrlSetsOne() throws SQLException {
        PostgresDialect dialect = new PostgresDialect(java.util.Map.of());
        WarehouseUrl plain = WarehouseUrl.parse(warehouse.url());
        WarehouseUrl withOptions =
                WarehouseUrl.parse(warehouse.url() + "&options=-c%20lock_timeout%3D7s%20-c%20statement_timeout%3D9s");

        assertThat(settings(dialect.connect(plain, Duration.ofSeconds(3)))).isEqualTo("3s/0");
        assertThat(settings(dialect.connect(withOptions, Duration.ofSeconds(3))))
                .isEqualTo("7s/9s");
    }

    private static String settings(Connection connection) throws SQLException {
        try (connection;
                Statement statement = connection.createStatement();
                var rs = statement.executeQuery(
                        "SELECT current_setting('lock_timeout') || '/' || current_setting('statement_timeout')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private Connection holdRunLock() throws SQLException {
        Connection connection = DriverManager.getConnection(warehouse.url());
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, PostgresDialect.RUN_LOCK_KEY);
            lock.execute();
        }
        return connection;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PageviewRow view(String at) {
        return new PageviewRow(1L, "https://www.website.com/", LocalDateTime.parse(at));
    }
}
