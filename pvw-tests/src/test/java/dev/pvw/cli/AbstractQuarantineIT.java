package dev.pvw.cli;

import static dev.pvw.testing.CliSentences.sentenceOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvw.testing.CliResult;
import dev.pvw.testing.PageviewRow;
import dev.pvw.testing.TestingEngine;
import dev.pvw.testing.TestingWarehouse;
import dev.pvw.testing.UserRow;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quarantine you can work with (issue 5, item 4): {@code pvw quarantine} lists the rows with their reason and run,
 * {@code status} counts them by reason and by run, and a run deletes those older than the retention.
 *
 * <p>Every test starts from a copy of two runs: run 1 quarantines three pageview rows (one per reason) and three user rows (a NULL
 * id and two conflicting rows of user 3); run 2 quarantines one pageview row with a NULL user.
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class AbstractQuarantineIT {
    private static final String HEADER =
            "source,run_id,batch_id,snapshot_id,reason,user_id,postcode,url,pageview_datetime";
    private static final List<String> RUN_1_ROWS = List.of(
            "pageviews,1,1,,null_pageview_datetime,2,,/b,",
            "pageviews,1,1,,null_user_id,,,/n,2026-01-01T10:01:00",
            "pageviews,1,1,,pageview_after_as_of,1,,/f,2026-01-01T12:00:00",
            "users,1,,1,conflicting_postcodes,3,C,,",
            "users,1,,1,conflicting_postcodes,3,D,,",
            "users,1,,1,null_id,,X,,");
    private static final String RUN_2_ROW = "pageviews,2,2,,null_user_id,,,/m,2026-01-02T10:00:00";

    @TempDir
    Path directory;

    /** The two runs, committed once for the class; each test works on a copy of its own. */
    private TestingWarehouse twoRuns;

    TestingWarehouse warehouse;

    abstract TestingEngine engine();

    @BeforeEach
    void copyTheTwoRuns() {
        warehouse = twoRuns.copyInto(directory).heldOpen();
    }

    @AfterEach
    void closeWarehouse() {
        warehouse.close();
    }

    @BeforeAll
    void quarantineRowsInTwoRuns(@TempDir Path templateDirectory) {
        twoRuns = TestingWarehouse.initialized(engine(), templateDirectory);
        twoRuns.landUsers(List.of(
                new UserRow(1L, "A"),
                new UserRow(2L, "B"),
                new UserRow(null, "X"),
                new UserRow(3L, "C"),
                new UserRow(3L, "D")));
        twoRuns.landPageviews(List.of(
                new PageviewRow(1L, "/a", at("2026-01-01T10:00:00")),
                new PageviewRow(null, "/n", at("2026-01-01T10:01:00")),
                new PageviewRow(2L, "/b", null),
                new PageviewRow(1L, "/f", at("2026-01-01T12:00:00"))));
        twoRuns.run("2026-01-01T11:05:00", 0);
        twoRuns.landPageviews(List.of(
                new PageviewRow(null, "/m", at("2026-01-02T10:00:00")),
                new PageviewRow(1L, "/a", at("2026-01-02T10:05:00"))));
        twoRuns.run("2026-01-02T11:05:00", 0);
    }

    @Test
    void listsEveryQuarantinedRowWithItsReasonAndRunInTheOrderRunsSawThem() {
        CliResult csv = warehouse.pvw("quarantine", "--format", "csv");

        assertThat(csv.exitCode()).as(csv.toString()).isZero();
        assertThat(csv.out().lines().toList())
                .containsExactlyElementsOf(concat(List.of(HEADER), RUN_1_ROWS, List.of(RUN_2_ROW)));
        assertThat(csv.err()).isEmpty();
    }

    @Test
    void filtersByRunAndByReason() {
        assertThat(csvRows("--run", "2")).containsExactly(RUN_2_ROW);
        assertThat(csvRows("--reason", "null_user_id"))
                .containsExactly("pageviews,1,1,,null_user_id,,,/n,2026-01-01T10:01:00", RUN_2_ROW);
        assertThat(csvRows("--run", "1", "--reason", " NULL_ID")).containsExactly("users,1,,1,null_id,,X,,");
        assertThat(csvRows("--run", "7")).isEmpty();
    }

    @Test
    void aTableForTheTerminalAndJsonForPrograms() throws IOException {
        CliResult table = warehouse.pvw("quarantine", "--run", "1", "--reason", "null_id");
        List<Map<String, Object>> json = new ObjectMapper()
                .readValue(
                        warehouse
                                .pvw("quarantine", "--run", "2", "--format", "json")
                                .out(),
                        new TypeReference<>() {});

        assertThat(table.out().lines().toList())
                .containsExactly(
                        "source  run_id  batch_id  snapshot_id  reason   user_id  postcode  url  pageview_datetime",
                        "users   1                 1            null_id           X",
                        "(1 rows)");
        assertThat(json).hasSize(1);
        assertThat(json.get(0))
                .containsEntry("source", "pageviews")
                .containsEntry("run_id", 2)
                .containsEntry("batch_id", 2)
                .containsEntry("snapshot_id", null)
                .containsEntry("reason", "null_user_id")
                .containsEntry("user_id", null)
                .containsEntry("url", "/m")
                .containsEntry("pageview_datetime", "2026-01-02T10:00:00");
    }

    @Test
    void saysSoWhenTheLimitCutsTheList() {
        CliResult limited = warehouse.pvw("quarantine", "--limit", "2", "--format", "csv");

        assertThat(limited.out().lines().toList())
                .containsExactlyElementsOf(concat(List.of(HEADER), RUN_1_ROWS.subList(0, 2)));
        assertThat(limited.err()).isEqualTo("Listed the first 2 of 7 quarantined rows; give --limit to list more.\n");
    }

    @Test
    void badOptionsAreBadUsage() {
        assertBadUsage(
                warehouse.pvw("quarantine", "--reason", "bogus"),
                "Unknown --reason 'bogus'; use one of null_user_id, null_pageview_datetime, pageview_after_as_of,"
                        + " null_id, conflicting_postcodes");
        assertBadUsage(warehouse.pvw("quarantine", "--run", "0"), "--run must be a run id (1 or more), not 0");
        assertBadUsage(warehouse.pvw("quarantine", "--limit", "0"), "--limit must be 1 or more, not 0");
        assertBadUsage(
                warehouse.pvw("quarantine", "--format", "xml"), "Unknown --format 'xml'; use table, csv or json");
    }

    @Test
    void statusCountsTheQuarantineByReasonAndByRun() {
        String status = warehouse.pvw("status").out();

        assertThat(status)
                .contains("pageviews null_user_id             2 rows")
                .contains("users     conflicting_postcodes    2 rows")
                .contains("by run (latest first; pvw quarantine --run ID lists the rows):")
                .contains("#2 as of 2026-01-02T11:05:00: 1 pageview rows, 0 user rows")
                .contains("#1 as of 2026-01-01T11:05:00: 3 pageview rows, 3 user rows")
                .doesNotContain("deleted by retention");
    }

    @Test
    void aRunDeletesTheRowsOfRunsOlderThanTheRetentionAndTheLedgersStillReconcile() {
        // The runs ran at the test clock's 2026-01-10T12:00; run 1 now seems to have run 91 days before, run 2 exactly
        // 90 days before, which is not older than 90 days.
        warehouse.execute(
                "UPDATE core.runs SET started_at = TIMESTAMP '2025-10-11 12:00:00' WHERE run_id = 1",
                "UPDATE core.runs SET started_at = TIMESTAMP '2025-10-12 12:00:00' WHERE run_id = 2");

        CliResult run = warehouse.run("2026-01-02T12:05:00", 0);

        assertThat(run.out())
                .contains("quarantine: deleted 3 pageview rows and 3 user rows quarantined more than 90 days ago");
        assertThat(csvRows()).containsExactly(RUN_2_ROW);
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.pageview_batches WHERE quarantine_purged_at IS NOT"
                        + " NULL AND batch_id = 1"))
                .isOne();
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.users_snapshots WHERE quarantine_purged_at IS NOT"
                        + " NULL AND snapshot_id = 1"))
                .isOne();
        assertThat(warehouse.pvw("status").out()).contains("deleted by retention so far: 6 rows");
        CliResult checked = warehouse.pvw("check", "--full");
        assertThat(checked.exitCode()).as(checked.toString()).isZero();

        CliResult shorter = warehouse.run("2026-01-02T13:05:00", 0, "--quarantine-retention-days", "30");
        assertThat(shorter.out()).contains("deleted 1 pageview rows and 0 user rows quarantined more than 30 days ago");
        assertThat(csvRows()).isEmpty();
    }

    @Test
    void aLongerRetentionKeepsTheRowsAndAnImpossibleOneIsBadUsage() {
        warehouse.execute("UPDATE core.runs SET started_at = TIMESTAMP '2025-10-11 12:00:00' WHERE run_id = 1");

        CliResult kept = warehouse.run("2026-01-02T12:05:00", 0, "--quarantine-retention-days", "365");

        assertThat(kept.out()).contains("quarantine: nothing older than 365 days to delete");
        assertThat(csvRows()).hasSize(7);
        assertBadUsage(
                warehouse.pvw("run", "--as-of", "2026-01-02T13:05:00", "--quarantine-retention-days", "0"),
                "--quarantine-retention-days must be between 1 and 36500, not 0");
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.runs")).isEqualTo(3);
    }

    private List<String> csvRows(String... filters) {
        String[] args = concat(List.of("quarantine", "--format", "csv"), List.of(filters))
                .toArray(String[]::new);
        CliResult result = warehouse.pvw(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(HEADER);
        return lines.subList(1, lines.size());
    }

    private static void assertBadUsage(CliResult result, String problem) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(sentenceOf(result)).startsWith(problem);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }

    private static LocalDateTime at(String time) {
        return LocalDateTime.parse(time);
    }
}
