package dev.pvw.quality;

import static dev.pvw.testing.CliSentences.sentenceOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.CliResult;
import dev.pvw.testing.CommittedState;
import dev.pvw.testing.MartRow;
import dev.pvw.testing.PageviewRow;
import dev.pvw.testing.TestingEngine;
import dev.pvw.testing.TestingWarehouse;
import dev.pvw.testing.UserRow;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks of issue 5 on a real engine: each one is broken by corrupting the warehouse with SQL, and {@code pvw
 * check} must name it (and only the checks the corruption really breaks); a run whose own checks fail commits nothing.
 *
 * <p>Every test starts from a copy of two committed runs: run 1 (users 1 to 3 in A, B, C, three pageviews at {@link #HOUR_1}, a
 * user row and a pageview row quarantined), then run 2 (user 1 moved to D, three pageviews at {@link #HOUR_2}).
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class AbstractChecksIT {
    static final String HOUR_1 = "2026-01-01 10:00:00";
    static final String HOUR_2 = "2026-01-02 10:00:00";
    static final String HOUR_3 = "2026-01-03 10:00:00";
    static final String CURRENT_MART = "mart.pageviews_hourly_by_current_postcode";
    static final String AT_VIEW_MART = "mart.pageviews_hourly_by_postcode_at_view";
    static final String DAILY_CURRENT_MART = "mart.pageviews_daily_by_current_postcode";
    static final String DAILY_AT_VIEW_MART = "mart.pageviews_daily_by_postcode_at_view";

    private static final Pattern FAILED_LINE = Pattern.compile("(?m)^\\s+FAILED\\s+(\\S+)");

    @TempDir
    Path directory;

    /** The two committed runs, made once for the class; each test works on a copy of its own. */
    private TestingWarehouse twoRuns;

    TestingWarehouse warehouse;

    abstract TestingEngine engine();

    @BeforeAll
    void commitTwoRuns(@TempDir Path templateDirectory) {
        twoRuns = TestingWarehouse.initialized(engine(), templateDirectory);
        twoRuns.landUsers(List.of(user(1, "A"), user(2, "B"), user(3, "C"), new UserRow(null, "X")));
        twoRuns.landPageviews(List.of(
                view(1, "2026-01-01T10:00:00"),
                view(2, "2026-01-01T10:10:00"),
                view(3, "2026-01-01T10:20:00"),
                new PageviewRow(null, "/nobody", at("2026-01-01T10:30:00"))));
        twoRuns.run("2026-01-01T11:05:00", 0);
        twoRuns.landUsers(List.of(user(1, "D"), user(2, "B"), user(3, "C")));
        twoRuns.landPageviews(List.of(
                view(1, "2026-01-02T10:00:00"), view(2, "2026-01-02T10:10:00"), view(3, "2026-01-02T10:20:00")));
        twoRuns.run("2026-01-02T11:05:00", 0);
    }

    @BeforeEach
    void copyTheTwoRuns() {
        warehouse = twoRuns.copyInto(directory).heldOpen();
    }

    @AfterEach
    void closeWarehouse() {
        warehouse.close();
    }

    // --- pvw check ------------------------------------------------------------------------------------------

    @Test
    void aHealthyWarehousePassesEveryCheckAndSaysWhatItLookedAt() {
        CliResult lastRun = warehouse.pvw("check");
        CliResult full = warehouse.pvw("check", "--full");

        assertThat(lastRun.exitCode()).as(lastRun.toString()).isZero();
        assertThat(lastRun.out())
                .contains("over what run 2 touched: the history of 1 user, pageview hours 2026-01-02T10:00:00 to"
                        + " 2026-01-02T10:00:00")
                .contains("All 12 checks passed.");
        assertThat(full.exitCode()).as(full.toString()).isZero();
        assertThat(full.out())
                .contains("over everything: the history of 3 users, pageview hours 2026-01-01T10:00:00 to"
                        + " 2026-01-02T10:00:00")
                .contains("All 12 checks passed.");
        for (Check check : Check.values()) {
            assertThat(full.out()).containsPattern("(?m)^\\s+ok\\s+" + check.checkName() + "\\s");
        }
    }

    @Test
    void aWarehouseWithoutAnyRunHasNothingTouchedToCheckAndPassesInFull() {
        TestingWarehouse fresh = new TestingWarehouse(engine(), directory.resolve("fresh"));
        directory.resolve("fresh").toFile().mkdirs();
        // Reading commands never create a warehouse (SPEC section 1): this one is made by init, and has no run yet.
        assertThat(fresh.pvw("init").exitCode()).isZero();

        CliResult lastRun = fresh.pvw("check");
        CliResult full = fresh.pvw("check", "--full");

        assertThat(lastRun.exitCode()).as(lastRun.toString()).isZero();
        assertThat(lastRun.out()).contains("No run has committed").contains("pvw check --full checks everything");
        assertThat(full.exitCode()).as(full.toString()).isZero();
        assertThat(full.out()).contains("the history of 0 users, no pageview hours", "All 12 checks passed.");
    }

    static Stream<Arguments> corruptions() {
        return Stream.of(
                corruption(
                        "a closed version that runs past the start of the next",
                        List.of("history_overlap"),
                        "UPDATE core.user_postcode_history SET valid_to = valid_to + INTERVAL '1 hour'"
                                + " WHERE user_id = 1 AND valid_to IS NOT NULL"),
                corruption(
                        "a closed version that ends before the next starts",
                        List.of("history_hole"),
                        "UPDATE core.user_postcode_history SET valid_to = valid_to - INTERVAL '1 hour'"
                                + " WHERE user_id = 1 AND valid_to IS NOT NULL"),
                corruption(
                        "a user whose open version was closed",
                        List.of("history_open_version", "current_postcodes"),
                        "UPDATE core.user_postcode_history SET valid_to = TIMESTAMP '2026-01-05 00:00:00'"
                                + " WHERE user_id = 2"),
                corruption(
                        "a second open version",
                        List.of("history_overlap", "history_open_version", "current_postcodes"),
                        "INSERT INTO core.user_postcode_history"
                                + " (user_id, postcode, is_deleted, is_first, valid_from, valid_to, snapshot_id)"
                                + " VALUES (3, 'Z', FALSE, FALSE, TIMESTAMP '2026-01-02 00:00:00', NULL, 2)"),
                corruption(
                        "a user's only version ending before it starts",
                        List.of("history_overlap", "history_open_version", "current_postcodes"),
                        "UPDATE core.user_postcode_history SET valid_to = valid_from - INTERVAL '1 hour'"
                                + " WHERE user_id = 2"),
                corruption(
                        "a later version marked first instead of the earliest",
                        List.of("history_first_version"),
                        "UPDATE core.user_postcode_history SET is_first = NOT is_first WHERE user_id = 1"),
                corruption(
                        "a user's first version not marked first",
                        List.of("history_first_version"),
                        "UPDATE core.user_postcode_history SET is_first = FALSE WHERE user_id = 2"),
                corruption(
                        "a ledger that says the extract held a row more",
                        List.of("fact_vs_ledger"),
                        "UPDATE core.pageview_batches SET extract_rows = extract_rows + 1 WHERE batch_id = 1"),
                corruption(
                        "quarantined pageviews lost",
                        List.of("fact_vs_ledger"),
                        "DELETE FROM core.quarantined_pageviews"),
                corruption(
                        "counted pageviews lost from the fact",
                        List.of("fact_vs_ledger", "mart_totals", "at_view_postcodes", "rollup_vs_fact"),
                        "DELETE FROM core.pageview_fact WHERE user_id = 3 AND hour_start = TIMESTAMP '" + HOUR_1 + "'"),
                corruption(
                        "fact rows of a batch the ledger does not know",
                        List.of("fact_vs_ledger", "mart_totals", "at_view_postcodes", "rollup_vs_fact"),
                        "INSERT INTO core.pageview_fact"
                                + " (batch_id, user_id, url, pageview_at, hour_start, postcode_at_view)"
                                + " VALUES (99, 2, '/x', TIMESTAMP '" + HOUR_1 + "', TIMESTAMP '" + HOUR_1 + "', 'B')"),
                corruption(
                        "quarantined user rows lost",
                        List.of("snapshot_vs_ledger"),
                        "DELETE FROM core.quarantined_users"),
                corruption(
                        "a mart row with no pageviews",
                        List.of("mart_keys"),
                        "INSERT INTO " + AT_VIEW_MART + " (hour_start, postcode, pageviews)" + " VALUES (TIMESTAMP '"
                                + HOUR_1 + "', 'ZZ', 0)"),
                corruption(
                        "a mart that counts a pageview too many",
                        List.of("mart_totals", "current_postcodes", "daily_marts"),
                        "UPDATE " + CURRENT_MART + " SET pageviews = pageviews + 1" + " WHERE hour_start = TIMESTAMP '"
                                + HOUR_1 + "' AND postcode = 'B'"),
                corruption(
                        "a user's current postcode that the current mart does not show",
                        List.of("current_postcodes"),
                        "UPDATE core.user_postcode_history SET postcode = 'Q' WHERE user_id = 2 AND valid_to IS NULL"),
                corruption(
                        "a postcode at view that the at-view mart does not show",
                        List.of("at_view_postcodes", "rollup_vs_fact"),
                        "UPDATE core.pageview_fact SET postcode_at_view = 'Q' WHERE user_id = 2"),
                corruption(
                        "a rollup that counts a pageview too many",
                        List.of("current_postcodes", "rollup_vs_fact"),
                        "UPDATE core.pageview_user_hours SET pageviews = pageviews + 1 WHERE user_id = 2"),
                corruption(
                        "a daily mart that misses a day's postcode",
                        List.of("daily_marts"),
                        "DELETE FROM " + DAILY_AT_VIEW_MART + " WHERE postcode = 'B'"),
                corruption(
                        "a daily mart row with no pageviews",
                        List.of("daily_marts"),
                        "INSERT INTO " + DAILY_CURRENT_MART + " (day_start, postcode, pageviews)"
                                + " VALUES (TIMESTAMP '2026-01-01 00:00:00', 'ZZ', 0)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptions")
    void checkFullNamesTheChecksACorruptionBreaks(String corruption, List<String> broken, String[] sql) {
        warehouse.execute(sql);

        CliResult result = warehouse.pvw("check", "--full");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(failedChecks(result)).as(result.toString()).containsExactlyElementsOf(broken);
        assertThat(sentenceOf(result))
                .startsWith(
                        "The warehouse failed " + broken.size() + " of 12 checks: check " + broken.get(0) + " failed: ")
                .contains("see 'Checks' in docs/design.md");
    }

    @Test
    void eachFailedCheckListsItsProblems() {
        warehouse.execute(
                "UPDATE core.user_postcode_history SET valid_to = valid_to + INTERVAL '1 hour'"
                        + " WHERE user_id = 1 AND valid_to IS NOT NULL",
                "UPDATE " + CURRENT_MART + " SET pageviews = pageviews + 2" + " WHERE hour_start = TIMESTAMP '" + HOUR_1
                        + "' AND postcode = 'B'");

        CliResult result = warehouse.pvw("check", "--full");

        assertThat(result.out())
                .contains("- user 1's version from 2026-01-01T00:00:00 to 2026-01-02T01:00:00 overlaps the next one,"
                        + " from 2026-01-02T00:00:00")
                .contains("- " + CURRENT_MART + " counts 5 pageviews for 2026-01-01T10:00:00 but the fact holds 3")
                .contains("- " + CURRENT_MART + " counts 3 pageviews for 2026-01-01T10:00:00 under postcode 'B', but 1"
                        + " of the fact's pageviews that hour are by users whose current postcode it is")
                .contains(
                        "- mart.pageviews_daily_by_current_postcode counts 1 pageviews for the day 2026-01-01T00:00:00"
                                + " and postcode 'B', but " + CURRENT_MART + " sums to 3")
                .contains("4 of 12 checks failed.");
        assertThat(sentenceOf(result))
                .contains("check history_overlap failed: user 1's version from 2026-01-01T00:00:00")
                .contains("and so did mart_totals, current_postcodes, daily_marts");
    }

    @Test
    void withoutFullItChecksWhatTheLastRunTouched() {
        // Run 2 touched user 1 and hour 2; a corruption of hour 1 is outside what it touched.
        warehouse.execute("UPDATE " + AT_VIEW_MART + " SET pageviews = pageviews + 1"
                + " WHERE hour_start = TIMESTAMP '" + HOUR_1 + "' AND postcode = 'B'");

        assertThat(warehouse.pvw("check").exitCode()).isZero();
        assertThat(warehouse.pvw("check", "--full").exitCode()).isEqualTo(1);

        warehouse.execute("UPDATE " + AT_VIEW_MART + " SET pageviews = pageviews + 1"
                + " WHERE hour_start = TIMESTAMP '" + HOUR_2 + "' AND postcode = 'B'");
        CliResult lastRun = warehouse.pvw("check");

        assertThat(lastRun.exitCode()).as(lastRun.toString()).isEqualTo(1);
        assertThat(failedChecks(lastRun)).containsExactly("mart_totals", "at_view_postcodes", "daily_marts");
        assertThat(lastRun.out()).contains("for 2026-01-02T10:00:00").doesNotContain("for 2026-01-01T10:00:00");
    }

    @Test
    void withoutFullItChecksTheHistoryOfTheUsersTheLastSnapshotChanged() {
        warehouse.execute("UPDATE core.user_postcode_history SET is_first = FALSE WHERE user_id = 2");
        assertThat(warehouse.pvw("check").exitCode())
                .as("user 2 did not change in run 2")
                .isZero();

        warehouse.execute("UPDATE core.user_postcode_history SET is_first = FALSE WHERE user_id = 1");
        CliResult lastRun = warehouse.pvw("check");

        assertThat(lastRun.exitCode()).isEqualTo(1);
        assertThat(failedChecks(lastRun)).containsExactly("history_first_version");
        assertThat(lastRun.out()).contains("user 1 has 0 versions marked first").doesNotContain("user 2");
    }

    // --- Checks in a run ------------------------------------------------------------------------------------

    @Test
    void aRunWhoseChecksFailCommitsNothingAndNamesTheCheck() {
        // A mart row for hour 3 that no pageview backs; the next batch is for hour 3, so the run touches it.
        warehouse.execute("INSERT INTO " + CURRENT_MART + " (hour_start, postcode, pageviews)" + " VALUES (TIMESTAMP '"
                + HOUR_3 + "', 'B', 5)");
        warehouse.landPageviews(List.of(view(2, "2026-01-03T10:10:00")));
        CommittedState before = CommittedState.of(warehouse);

        CliResult failed = warehouse.pvw("run", "--as-of", "2026-01-03T11:05:00");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(sentenceOf(failed))
                .startsWith("Run 3 stopped before committing because check mart_totals failed: " + CURRENT_MART
                        + " counts 6 pageviews for 2026-01-03T10:00:00 but the fact holds 1")
                .contains("and so did current_postcodes, daily_marts, so nothing of it was committed")
                .contains("run pvw check --full to list every problem");
        assertThat(CommittedState.of(warehouse)).isEqualTo(before);
        assertThat(runOutcomes()).containsExactly("succeeded", "succeeded", "failed");
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.runs WHERE run_id = 3 AND message LIKE"
                        + " '%check mart_totals failed%'"))
                .isOne();

        warehouse.execute("DELETE FROM " + CURRENT_MART + " WHERE hour_start = TIMESTAMP '" + HOUR_3 + "'");
        CliResult repaired = warehouse.run("2026-01-03T11:05:00", 0);

        assertThat(repaired.out()).contains("checks:     12 passed");
        assertThat(warehouse.currentMart()).contains(new MartRow(at("2026-01-03T10:00:00"), "B", 1));
    }

    @Test
    void aRunThatChangesACorruptedHistoryStops() {
        // User 3's first version no longer marked first; the next snapshot moves user 3, so the run touches it.
        warehouse.execute("UPDATE core.user_postcode_history SET is_first = FALSE WHERE user_id = 3");
        warehouse.landUsers(List.of(user(1, "D"), user(2, "B"), user(3, "E")));
        warehouse.landPageviews(List.of());
        CommittedState before = CommittedState.of(warehouse);

        CliResult failed = warehouse.pvw("run", "--as-of", "2026-01-03T00:05:00");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(sentenceOf(failed))
                .startsWith("Run 3 stopped before committing because check history_first_version failed: user 3 has 0"
                        + " versions marked first, where only its earliest, from 2026-01-01T00:00:00, should be");
        assertThat(CommittedState.of(warehouse)).isEqualTo(before);
    }

    @Test
    void aSameDayReplacementAlsoChecksTheUsersOfTheSnapshotItReplaced() {
        // Snapshot 2 moved user 1 to D; its same-day replacement puts user 1 back in A, which is no change against the
        // version the replacement reopens. The run still touched user 1's history, so it checks it.
        warehouse.execute("UPDATE core.user_postcode_history SET is_first = FALSE WHERE user_id = 1");
        warehouse.landUsers(List.of(user(1, "A"), user(2, "B"), user(3, "C")));
        CommittedState before = CommittedState.of(warehouse);

        CliResult failed = warehouse.pvw("run", "--as-of", "2026-01-02T12:05:00");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(sentenceOf(failed))
                .startsWith("Run 3 stopped before committing because check history_first_version failed: user 1");
        assertThat(CommittedState.of(warehouse)).isEqualTo(before);
    }

    @Test
    void aRunsLedgerCheckCatchesFactRowsThatAreNotItsOwn() {
        // A fact row under the batch id the next batch gets, in the hour whose batch it replaces (an hour with a
        // partition already, on PostgreSQL): the fact then holds more of that batch than it counted.
        warehouse.execute("INSERT INTO core.pageview_fact"
                + " (batch_id, user_id, url, pageview_at, hour_start, postcode_at_view)"
                + " VALUES (3, 2, '/x', TIMESTAMP '" + HOUR_2 + "', TIMESTAMP '" + HOUR_2 + "', 'B')");
        warehouse.landPageviews(List.of(view(2, "2026-01-02T10:40:00")));
        CommittedState before = CommittedState.of(warehouse);

        CliResult failed = warehouse.pvw("run", "--as-of", "2026-01-02T11:35:00");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(sentenceOf(failed))
                .startsWith("Run 3 stopped before committing because check fact_vs_ledger failed: batch 3 for hour"
                        + " 2026-01-02T10:00:00 held 1 row in its extract, of which the ledger counted 1 and"
                        + " quarantined 0, but the fact holds 2 (expected 1)");
        assertThat(CommittedState.of(warehouse)).isEqualTo(before);
    }

    @Test
    void aRunChecksOnlyWhatItTouchedSoCorruptionElsewhereDoesNotStopIt() {
        warehouse.execute("UPDATE " + AT_VIEW_MART + " SET pageviews = pageviews + 1"
                + " WHERE hour_start = TIMESTAMP '" + HOUR_1 + "' AND postcode = 'B'");
        warehouse.landPageviews(List.of(view(2, "2026-01-03T10:10:00")));

        CliResult run = warehouse.run("2026-01-03T11:05:00", 0);

        assertThat(run.out())
                .contains("checks:     12 passed in")
                .contains("(what run 3 touched: the history of 0 users, pageview hours 2026-01-03T10:00:00 to"
                        + " 2026-01-03T10:00:00)");
        CliResult full = warehouse.pvw("check", "--full");
        assertThat(failedChecks(full)).containsExactly("mart_totals", "at_view_postcodes", "daily_marts");
    }

    // --- Helpers ---------------------------------------------------------------------------------------------

    private static Arguments corruption(String name, List<String> broken, String... sql) {
        return Arguments.of(name, broken, sql);
    }

    static List<String> failedChecks(CliResult result) {
        Matcher matcher = FAILED_LINE.matcher(result.out());
        List<String> failed = new ArrayList<>();
        while (matcher.find()) {
            failed.add(matcher.group(1));
        }
        return failed;
    }

    List<String> runOutcomes() {
        return warehouse.query("SELECT outcome FROM core.runs ORDER BY run_id", rs -> rs.getString(1));
    }

    static UserRow user(long id, String postcode) {
        return new UserRow(id, postcode);
    }

    static PageviewRow view(long userId, String time) {
        return new PageviewRow(userId, "/page/" + userId, at(time));
    }

    static LocalDateTime at(String time) {
        return LocalDateTime.parse(time);
    }
}
