package dev.pvw.cli;

import static dev.pvw.testing.CliSentences.sentenceOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.CliResult;
import dev.pvw.testing.CommittedState;
import dev.pvw.testing.FastTierSample;
import dev.pvw.testing.MartRow;
import dev.pvw.testing.PageviewRow;
import dev.pvw.testing.SparkTestingEngine;
import dev.pvw.testing.TestingWarehouse;
import dev.pvw.testing.UserRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pvw maintain} on Spark with Iceberg tables: it compacts, expires and cleans without changing a number, and
 * waits for the run lock like a run. The warehouse is made here, not copied: a copy shares its original's table
 * locations, whose files are not the copy's to clean. Two runs and the maintenance take a minute or more on Spark: the
 * fast tier runs the lock's test, the full tier both.
 */
@FastTierSample({"maintainWaitsForTheRunLockAndMayNotWaitIsRefusedWithOneSentence"})
class SparkMaintainIT {
    @TempDir
    Path directory;

    @Test
    void maintainCompactsExpiresAndRemovesOrphansWithoutChangingANumber() throws Exception {
        TestingWarehouse warehouse = new TestingWarehouse(SparkTestingEngine.SPARK, directory);
        assertThat(warehouse.pvw("init").exitCode()).isZero();
        // User 2 is unknown in the first hour; the second hour's snapshot, the same day's, names it, so the second
        // run re-attributes its first-hour views in the fact and the rollup: delete files, as both are merge-on-read.
        warehouse.landUsers(List.of(new UserRow(1L, "AB1")));
        warehouse.landPageviews(pageviews("2026-01-05T00:10:00", "2026-01-05T00:20:00"));
        warehouse.run("2026-01-05T01:00:00", 0);
        warehouse.landUsers(List.of(new UserRow(1L, "AB1"), new UserRow(2L, "CD2")));
        warehouse.landPageviews(pageviews("2026-01-05T01:10:00", "2026-01-05T01:40:00"));
        warehouse.run("2026-01-05T02:00:00", 0);
        CommittedState before = CommittedState.of(warehouse);
        List<MartRow> currentMart = warehouse.currentMart();
        long factFiles = count(warehouse, "core.pageview_fact.files");
        assertThat(count(warehouse, "core.pageview_fact.snapshots")).isGreaterThan(1);
        assertThat(count(warehouse, "core.pageview_fact.delete_files")).isPositive();
        assertThat(count(warehouse, "core.pageview_user_hours.delete_files")).isPositive();
        Path orphan = orphanFile(SparkTestingEngine.directory(warehouse.url()));

        CliResult result = warehouse.pvw("maintain", "--keep-snapshots", "1s", "--orphans-after", "1d");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains("core.pageview_fact: ", "mart.pageviews_daily_by_current_postcode: ")
                .contains("raw.pageviews_extract: not compacted (an extract)")
                .containsPattern("Maintained \\d+ tables of " + java.util.regex.Pattern.quote(warehouse.url()));
        assertThat(orphan)
                .as("a file no snapshot references, older than --orphans-after")
                .doesNotExist();
        assertThat(count(warehouse, "core.pageview_fact.snapshots"))
                .as("every snapshot but the latest is older than --keep-snapshots")
                .isEqualTo(1);
        assertThat(count(warehouse, "core.pageview_fact.files")).isLessThanOrEqualTo(factFiles);
        assertThat(count(warehouse, "core.pageview_fact.delete_files"))
                .as("deleted rows folded into the data, and their delete files gone")
                .isZero();
        assertThat(count(warehouse, "core.pageview_user_hours.delete_files")).isZero();
        assertThat(CommittedState.of(warehouse)).isEqualTo(before);
        assertThat(warehouse.currentMart()).isEqualTo(currentMart);
        CliResult checked = warehouse.pvw("check", "--full");
        assertThat(checked.exitCode()).as(checked.toString()).isZero();
    }

    @Test
    void maintainWaitsForTheRunLockAndMayNotWaitIsRefusedWithOneSentence() throws Exception {
        TestingWarehouse warehouse = TestingWarehouse.initialized(SparkTestingEngine.SPARK, directory);
        try (AutoCloseable held = SparkTestingEngine.holdRunLock(warehouse.url())) {
            CliResult refused = warehouse.pvw("--lock-wait", "0", "maintain");

            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.FAILURE);
            assertThat(sentenceOf(refused))
                    .startsWith("Another run is using warehouse " + warehouse.url())
                    .contains("--lock-wait");
        }
    }

    private static List<PageviewRow> pageviews(String... times) {
        List<PageviewRow> rows = new ArrayList<>();
        for (String time : times) {
            rows.add(new PageviewRow(1L, "/home", LocalDateTime.parse(time)));
            rows.add(new PageviewRow(2L, "/about", LocalDateTime.parse(time)));
        }
        return rows;
    }

    private static long count(TestingWarehouse warehouse, String metadataTable) {
        return warehouse.queryLong("SELECT count(*) FROM " + metadataTable);
    }

    /** A data file beside the fact's, as a killed writer leaves one, last written long before. */
    private static Path orphanFile(Path warehouseDirectory) throws Exception {
        Path data;
        try (Stream<Path> files = Files.walk(warehouseDirectory.resolve("warehouse"))) {
            data = files.filter(
                            path -> path.endsWith("data") && path.getParent().endsWith("pageview_fact"))
                    .findFirst()
                    .orElseThrow();
        }
        Path orphan = Files.writeString(data.resolve("left-by-a-killed-writer.parquet"), "not parquet");
        Files.setLastModifiedTime(orphan, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        return orphan;
    }
}
