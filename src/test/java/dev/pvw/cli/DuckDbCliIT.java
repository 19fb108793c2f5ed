package dev.pvw.cli;

import static dev.pvw.cli.CliSentences.sentenceOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.CliResult;
import dev.pvw.testing.TestingEngine;
import java.nio.file.Files;
import java.nio.file.Path;
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
                .isPositive();
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
}
