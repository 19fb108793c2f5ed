package dev.pvw.cli;

import static dev.pvw.testing.CliSentences.sentenceOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.CliResult;
import dev.pvw.testing.TestingEngine;
import dev.pvw.warehouse.SchemaMigrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line on embedded DuckDB, with what only a warehouse in a file has: paths and the default file. */
class DuckDbCliIT extends AbstractCliIT {
    private static final String PREFIX = "jdbc:duckdb:";

    @Override
    TestingEngine engine() {
        return TestingEngine.DUCKDB;
    }

    @Override
    String unopenableUrl() {
        return PREFIX + directory.resolve("missing").resolve("w.duckdb");
    }

    @Override
    String openableUrlWithPassword(String password) {
        return PREFIX + directory.resolve("secret.duckdb") + ";password=" + password;
    }

    @Override
    String unopenableUrlWithPassword(String password) {
        return unopenableUrl() + "?password=" + password;
    }

    /** Opening a DuckDB warehouse creates its file. */
    @Override
    void assertUntouched(String url) {
        assertThat(Path.of(url.substring(PREFIX.length())))
                .as("the warehouse is not even opened")
                .doesNotExist();
    }

    @Test
    void readingCommandsRefuseADuckDbFileThatIsNotAPvwWarehouseAndCreateNothingInIt() throws SQLException {
        String url = PREFIX + directory.resolve("other.duckdb");
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE someone_elses (x INTEGER)");
        }

        for (List<String> command :
                List.of(List.of("status"), List.of("query", "current"), List.of("check"), List.of("quarantine"))) {
            List<String> args = new ArrayList<>(List.of("--warehouse", url));
            args.addAll(command);
            CliResult result = warehouse.pvwWithoutWarehouse(args.toArray(String[]::new));

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
            assertThat(sentenceOf(result))
                    .isEqualTo("No pvw warehouse at " + url + " (pvw init has not created one"
                            + " there); check the URL, or run pvw init to create it.");
        }
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet schemas = statement.executeQuery("SELECT schema_name FROM information_schema.schemata"
                        + " WHERE schema_name IN ('raw', 'core', 'mart')")) {
            assertThat(schemas.next())
                    .as("no schema of pvw in someone else's file")
                    .isFalse();
        }
    }

    @Test
    void maintainSaysDuckDbMaintainsItsOwnStorageAndChangesNothing() {
        assertThat(warehouse.pvw("init").exitCode()).isZero();

        CliResult result = warehouse.pvw("maintain");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().strip())
                .isEqualTo("Warehouse " + warehouse.url() + " needs no maintenance from pvw: duckdb maintains its own"
                        + " storage.");
    }

    @Test
    void aWarehouseInAMissingDirectoryExitsOne() {
        String url = unopenableUrl();

        CliResult result = warehouse.pvwWithoutWarehouse("--warehouse", url, "run");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(sentenceOf(result))
                .startsWith("Cannot open warehouse " + url)
                .contains("check the URL");
        assertThat(directory.resolve("missing")).doesNotExist();
    }

    @Test
    void withoutEitherTheWarehouseIsWarehouseDuckdbInTheWorkingDirectory() {
        boolean strayBefore = Files.exists(Path.of("warehouse.duckdb"));

        CliResult result = warehouse.pvwWithoutWarehouse("init");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains(PREFIX + directory.resolve("warehouse.duckdb"));
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.schema_history"))
                .isEqualTo(SchemaMigrator.LATEST);
        if (!strayBefore) {
            assertThat(Path.of("warehouse.duckdb"))
                    .as("not the JVM's start directory")
                    .doesNotExist();
        }
    }

    @Test
    void aRelativeDuckDbPathIsTakenInTheWorkingDirectory() {
        CliResult result = pvwWithEnvironment(Map.of("PVW_WAREHOUSE", "jdbc:duckdb:relative.duckdb"), "init");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(directory.resolve("relative.duckdb")).exists();
    }

    @Test
    void theDuckDbMemoryLimitAndTempDirectoryReachDuckDbAndTheFolderIsCreated() {
        CliResult result = warehouse.pvw(
                "--duckdb-memory-limit",
                "1GB",
                "--duckdb-temp-dir",
                "spill/runs",
                "run",
                "--as-of",
                "2026-01-05T01:00:00");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(directory.resolve("spill").resolve("runs")).isDirectory();
    }

    @Test
    void duckDbOptionsThatAreNotSizesOrFoldersAreBadUsageBeforeAnythingIsOpened() throws Exception {
        Files.writeString(directory.resolve("a-file"), "not a folder");

        assertThat(sentenceOf(badUsage("--duckdb-memory-limit", "lots", "init")))
                .startsWith("--duckdb-memory-limit must be a size such as 512MB or 4GiB (units B, KB, MB, GB, TB, KiB,"
                        + " MiB, GiB, TiB), not 'lots'");
        assertThat(sentenceOf(badUsage("--duckdb-memory-limit", "1GB'; DROP TABLE core.runs; --", "init")))
                .contains("not '1GB'; DROP TABLE core.runs; --'");
        assertThat(sentenceOf(badUsage("--duckdb-temp-dir", "a-file", "init")))
                .startsWith("--duckdb-temp-dir " + directory.resolve("a-file") + " exists and is not a directory");
        assertThat(directory.resolve("warehouse.duckdb")).doesNotExist();
    }

    @Test
    void duckDbOptionsWithAPostgresqlWarehouseAreBadUsage() {
        CliResult result = warehouse.pvwWithoutWarehouse(
                "--warehouse", "jdbc:postgresql://localhost:1/none?user=pvw", "--duckdb-memory-limit", "1GB", "init");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(sentenceOf(result))
                .startsWith(
                        "The --duckdb-* options apply to DuckDB warehouses, not to jdbc:postgresql://localhost:1/none")
                .contains("set work_mem and temp_file_limit on the PostgreSQL server or role instead");
    }

    private CliResult badUsage(String... args) {
        CliResult result = warehouse.pvwWithoutWarehouse(args);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        return result;
    }
}
