package dev.pvw.cli;

import static dev.pvw.testing.CliSentences.sentenceOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.CliResult;
import dev.pvw.testing.FastTierSample;
import dev.pvw.testing.SparkTestingEngine;
import dev.pvw.testing.TestingEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The command line on Spark with Iceberg tables, with what only a Spark URL has. A Spark URL carries no password (the
 * catalog's credentials are Spark settings), so the password test sees one only in the other engines' URLs it prints.
 * The fast tier runs a run and its status, the reading commands on a warehouse that is not there, a catalog that does
 * not open, and the Spark URL's own refusals; the full tier runs every test.
 */
@FastTierSample({
    "statusExitsZeroAndReportsWhatRunsDid",
    "onAWarehouseInitHasNotCreatedExitOneSayingSoAndCreateNothing",
    "showsTheStackTraceOnlyWithVerbose",
    "aSparkUrlWithoutADirectoryIsBadUsage",
    "duckDbOptionsWithASparkWarehouseAreBadUsage",
    "grantReadSaysInOneSentenceWhereReadAccessIsGranted"
})
class SparkCliIT extends AbstractCliIT {
    private static final String PREFIX = "spark:local:";

    @Override
    TestingEngine engine() {
        return SparkTestingEngine.SPARK;
    }

    /** A directory whose catalog database is not an SQLite file. */
    @Override
    String unopenableUrl() {
        Path broken = directory.resolve("broken");
        try {
            Files.createDirectories(broken);
            Files.writeString(broken.resolve("catalog.db"), "not a database, whatever the name says");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PREFIX + broken;
    }

    @Override
    String openableUrlWithPassword(String password) {
        return warehouse.url();
    }

    @Override
    String unopenableUrlWithPassword(String password) {
        return unopenableUrl();
    }

    /** Opening a local Spark warehouse creates its directory and the catalog's database in it. */
    @Override
    void assertUntouched(String url) {
        assertThat(Path.of(url.substring(PREFIX.length())))
                .as("the warehouse is not even opened")
                .doesNotExist();
    }

    @Test
    void aSparkUrlWithoutADirectoryIsBadUsage() {
        CliResult result = warehouse.pvwWithoutWarehouse("--warehouse", PREFIX, "init");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(sentenceOf(result))
                .startsWith("Spark warehouse URL spark:local: is not valid: it names no directory; use"
                        + " spark:local:DIR or spark:CATALOG");
    }

    @Test
    void duckDbOptionsWithASparkWarehouseAreBadUsage() {
        CliResult result = warehouse.pvw("--duckdb-memory-limit", "1GB", "init");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(sentenceOf(result))
                .startsWith("The --duckdb-* options apply to DuckDB warehouses, not to " + warehouse.url())
                .contains("spark.driver.memory and spark.executor.memory");
        assertUntouched(warehouse.url());
    }

    @Test
    void grantReadSaysInOneSentenceWhereReadAccessIsGranted() {
        CliResult result = warehouse.pvw("grant-read", "bi_reader");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(sentenceOf(result))
                .contains(
                        "as spark has no roles; give BI tools read access to the mart namespace in the Iceberg catalog or in"
                                + " the query engine they use");
        assertUntouched(warehouse.url());
    }
}
