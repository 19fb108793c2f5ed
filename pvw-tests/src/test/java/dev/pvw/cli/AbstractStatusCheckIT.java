package dev.pvw.cli;

import static dev.pvw.testing.CliSentences.sentenceOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.CliResult;
import dev.pvw.testing.PageviewRow;
import dev.pvw.testing.TestingEngine;
import dev.pvw.testing.TestingWarehouse;
import dev.pvw.testing.UserRow;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code pvw status --check} on real warehouses of each engine: healthy, with gaps, with stale batches or snapshots,
 * and after runs that failed, were refused or were interrupted; and plain {@code status} showing the same findings.
 */
abstract class AbstractStatusCheckIT {
    private static final LocalDateTime DAY = LocalDateTime.parse("2026-01-05T00:00:00");

    @TempDir
    Path directory;

    TestingWarehouse warehouse;

    abstract TestingEngine engine();

    /** Whether a run left marked running counts as interrupted (the engine admits one process per warehouse). */
    abstract boolean runningMeansInterrupted();

    @BeforeEach
    void createWarehouse() {
        warehouse = TestingWarehouse.initialized(engine(), directory).heldOpen();
        warehouse.landUsers(List.of(new UserRow(1L, "AB1"), new UserRow(2L, "CD2")));
    }

    @AfterEach
    void closeWarehouse() {
        warehouse.close();
    }

    @Test
    void aWarehouseLoadedHourByHourIsHealthyExitsZeroAndSaysOk() {
        loadHours(0, 1, 2);

        CliResult check = check("--as-of", "2026-01-05T03:30:00");

        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out())
                .isEqualTo("OK as of 2026-01-05T03:30:00: no missing hour; the newest pageview hour 2026-01-05T02:00:00"
                        + " ended 30m before; the users snapshot effective from 2026-01-05T00:00:00 is 3h30m old; the"
                        + " last run, #3 as of 2026-01-05T03:05:00, succeeded.\n");
        assertThat(check.err()).isEmpty();
    }

    @Test
    void hoursMissingBetweenTheFirstAndTheLastLoadedHourAreOneLineEachGapAndExitOne() {
        loadHours(0, 2, 3, 6);

        CliResult check = check("--as-of", "2026-01-05T07:10:00");

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(check.out().lines())
                .containsExactly(
                        "No batch for pageview hour 2026-01-05T01:00:00; load it from the extract archive and backfill"
                                + " it with pvw run --as-of (docs/scheduling.md).",
                        "No batch for 2 pageview hours from 2026-01-05T04:00:00 to 2026-01-05T05:00:00; load them from"
                                + " the extract archive and backfill them with pvw run --as-of (docs/scheduling.md).");

        loadHours(1, 4, 5);

        assertThat(check("--as-of", "2026-01-05T07:10:00").exitCode()).isZero();
    }

    @ParameterizedTest(name = "newest hour 02:00, checked at {0} with {1}: exit {2}")
    @CsvSource({
        "2026-01-05T05:00:00, 2h,  0",
        "2026-01-05T05:01:00, 2h,  1",
        "2026-01-05T05:01:00, 3h,  0",
        "2026-01-05T05:01:00, 90m, 1"
    })
    void theNewestBatchIsStaleWhenItsHourEndedMoreThanMaxBatchAgeBeforeAsOf(
            String asOf, String maxBatchAge, int exitCode) {
        loadHours(0, 1, 2);

        CliResult check = check("--as-of", asOf, "--max-batch-age", maxBatchAge);

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(exitCode);
        if (exitCode == ExitCodes.FAILURE) {
            assertThat(check.out().lines())
                    .singleElement()
                    .asString()
                    .startsWith("The newest pageview batch is for hour 2026-01-05T02:00:00, which ended 2h01m before "
                            + asOf + ", more than the limit of ");
        }
    }

    @Test
    void theNewestSnapshotIsStaleWhenItTookEffectMoreThanMaxSnapshotAgeBeforeAsOf() {
        loadHours(0);

        CliResult fresh = check("--as-of", "2026-01-06T02:00:00", "--max-batch-age", "2d");
        CliResult stale = check("--as-of", "2026-01-06T02:01:00", "--max-batch-age", "2d");
        CliResult allowed =
                check("--as-of", "2026-01-06T02:01:00", "--max-batch-age", "2d", "--max-snapshot-age", "PT27H");

        assertThat(fresh.exitCode()).as(fresh.toString()).isZero();
        assertThat(stale.exitCode()).as(stale.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(stale.out().lines())
                .singleElement()
                .asString()
                .startsWith("The newest users snapshot is effective from 2026-01-05T00:00:00, 26h01m before"
                        + " 2026-01-06T02:01:00, more than the limit of 26h;");
        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
    }

    @Test
    void aLastRunThatFailedIsAProblemUntilARunSucceeds() {
        loadHours(0, 1);
        warehouse.landPageviews(views(2));
        warehouse.execute("ALTER TABLE raw.pageviews_extract RENAME COLUMN url TO page_url");
        warehouse.run("2026-01-05T03:05:00", ExitCodes.FAILURE);

        CliResult check = check("--as-of", "2026-01-05T03:10:00");

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(check.out().lines())
                .singleElement()
                .asString()
                .startsWith("The last run, #3 as of 2026-01-05T03:05:00, failed (The extract tables are not as pvw"
                        + " reads them")
                .contains("raw.pageviews_extract has no column url")
                .endsWith("); fix the cause, then run it again or let the next scheduled run complete the work.");

        warehouse.execute("ALTER TABLE raw.pageviews_extract RENAME COLUMN page_url TO url");
        warehouse.run("2026-01-05T03:05:00", 0);

        assertThat(check("--as-of", "2026-01-05T03:10:00").exitCode()).isZero();
    }

    @Test
    void aLastRunThatRefusedTheUsersSnapshotIsAProblem() {
        loadHours(0, 1);
        warehouse.landUsers(List.of(new UserRow(null, "AB1")));
        warehouse.landPageviews(views(2));
        warehouse.run("2026-01-05T03:05:00", ExitCodes.REFUSED);

        CliResult check = check("--as-of", "2026-01-05T03:10:00");

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(check.out().lines())
                .singleElement()
                .asString()
                .startsWith("The last run, #3 as of 2026-01-05T03:05:00, refused the users snapshot: the users extract"
                        + " has no valid rows");
    }

    @Test
    void aLastRunThatWasInterruptedIsAProblem() {
        loadHours(0, 1, 2);
        // What a killed run leaves: its running row, which the next run marks interrupted (AbstractKillIT kills one).
        warehouse.execute("INSERT INTO core.runs (run_id, started_at, as_of, outcome)"
                + " VALUES (4, TIMESTAMP '2026-01-05 03:05:01', TIMESTAMP '2026-01-05 03:05:00', 'running')");

        CliResult whileMarkedRunning = check("--as-of", "2026-01-05T03:10:00");
        warehouse.execute("UPDATE core.runs SET outcome = 'interrupted' WHERE run_id = 4");
        CliResult afterwards = check("--as-of", "2026-01-05T03:10:00");

        String interrupted = "The last run, #4 as of 2026-01-05T03:05:00, was interrupted before it finished";
        if (runningMeansInterrupted()) {
            assertThat(whileMarkedRunning.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(whileMarkedRunning.out()).startsWith(interrupted);
        } else {
            assertThat(whileMarkedRunning.exitCode())
                    .as("a run marked running may be at work; the one before it succeeded\n" + whileMarkedRunning)
                    .isZero();
            assertThat(whileMarkedRunning.out()).contains("the last run, #3 as of 2026-01-05T03:05:00, succeeded");
        }
        assertThat(afterwards.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(afterwards.out()).startsWith(interrupted);
    }

    @Test
    void aNewWarehouseHasNeitherBatchNorSnapshot() {
        CliResult check = check();

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(check.out().lines()).hasSize(2).allSatisfy(line -> assertThat(line)
                .startsWith("No "));
    }

    @Test
    void plainStatusShowsTheSameFindingsAndExitsZero() {
        loadHours(0, 2);

        CliResult status = warehouse.pvw("status", "--as-of", "2026-01-05T05:10:00");
        CliResult check = check("--as-of", "2026-01-05T05:10:00");

        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(check.out().lines()).hasSize(2);
        assertThat(status.out()).contains("gap: 2026-01-05T01:00:00 to 2026-01-05T01:00:00 (1 hours)");
        List<String> health = linesAfter(status.out(), "Health (--check)");
        assertThat(health)
                .containsExactlyElementsOf(
                        check.out().lines().map(line -> "  " + line).toList());
    }

    @ParameterizedTest(name = "status {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--max-batch-age 0m    | '0m' is not more than zero",
                "--max-batch-age soon  | 'soon' is not a duration",
                "--max-snapshot-age -1h | '-1h' is not a duration",
                "--as-of yesterday     | 'yesterday' is not a timestamp"
            })
    void aBadDurationOrTimestampIsBadUsage(String option, String mentions) {
        List<String> args = new ArrayList<>(List.of("status", "--check"));
        args.addAll(List.of(option.split(" ")));

        CliResult result = warehouse.pvw(args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(sentenceOf(result)).contains(mentions).contains("'pvw status --help'");
    }

    private CliResult check(String... args) {
        List<String> all = new ArrayList<>(List.of("status", "--check"));
        all.addAll(List.of(args));
        return warehouse.pvw(all.toArray(String[]::new));
    }

    /** For each hour of 2026-01-05, lands a batch of its pageviews and runs as the hourly schedule would, at HH:05. */
    private void loadHours(int... hours) {
        for (int hour : hours) {
            warehouse.landPageviews(views(hour));
            warehouse.run(DAY.plusHours(hour + 1).plusMinutes(5).toString(), 0);
        }
    }

    private static List<PageviewRow> views(int hour) {
        LocalDateTime at = DAY.plusHours(hour).plusMinutes(10);
        return List.of(new PageviewRow(1L, "/a", at), new PageviewRow(2L, "/b", at.plusMinutes(1)));
    }

    private static List<String> linesAfter(String text, String heading) {
        List<String> lines = text.lines().toList();
        return lines.subList(lines.indexOf(heading) + 1, lines.size());
    }
}
