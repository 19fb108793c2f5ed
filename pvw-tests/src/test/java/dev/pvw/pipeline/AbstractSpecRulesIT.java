package dev.pvw.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.CliResult;
import dev.pvw.testing.MartRow;
import dev.pvw.testing.PageviewRow;
import dev.pvw.testing.TestingEngine;
import dev.pvw.testing.TestingWarehouse;
import dev.pvw.testing.UserRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rule of SPEC sections 3 and 4, one test each, run through the CLI on a real engine. */
abstract class AbstractSpecRulesIT {
    private static final String DAY1_MIDNIGHT = "2026-01-01T00:05:00";
    private static final String DAY2_MIDNIGHT = "2026-01-02T00:05:00";
    private static final String DAY3_MIDNIGHT = "2026-01-03T00:05:00";

    @TempDir
    Path directory;

    TestingWarehouse warehouse;

    abstract TestingEngine engine();

    @BeforeEach
    void createWarehouse() {
        warehouse = TestingWarehouse.initialized(engine(), directory).heldOpen();
    }

    @AfterEach
    void closeWarehouse() {
        warehouse.close();
    }

    // --- Users snapshots -------------------------------------------------------------------------------------

    @Test
    void newSnapshotIsEffectiveFromMidnightOfTheAsOfDay() {
        warehouse.landUsers(List.of(user(1, "A")));
        warehouse.landPageviews(List.of());
        warehouse.run(DAY1_MIDNIGHT, 0);
        warehouse.landUsers(List.of(user(1, "B")));
        warehouse.landPageviews(List.of(view(1, "2026-01-01T23:59:59"), view(1, "2026-01-02T00:00:00")));
        warehouse.run(DAY2_MIDNIGHT, 0);

        assertThat(atView()).containsExactly(row("2026-01-01T23:00", "A", 1), row("2026-01-02T00:00", "B", 1));
        assertThat(current()).containsExactly(row("2026-01-01T23:00", "B", 1), row("2026-01-02T00:00", "B", 1));
    }

    @Test
    void postcodesAreTrimmedAndUpperCasedAndAnEmptyOneIsUnknown() {
        warehouse.landUsers(List.of(user(1, "  sw19 "), user(2, "   "), user(3, ""), user(4, "\tn1\n")));
        warehouse.landPageviews(List.of(
                view(1, "2026-01-01T10:00:00"), view(2, "2026-01-01T10:00:00"),
                view(3, "2026-01-01T10:00:00"), view(4, "2026-01-01T10:00:00")));
        warehouse.run("2026-01-01T11:05:00", 0);

        assertThat(atView())
                .containsExactly(
                        row("2026-01-01T10:00", null, 2),
                        row("2026-01-01T10:00", "N1", 1),
                        row("2026-01-01T10:00", "SW19", 1));
        assertThat(current()).isEqualTo(atView());
    }

    @Test
    void theSameUsersContentAgainChangesNothing() {
        warehouse.landUsers(List.of(user(1, "A"), user(2, "B")));
        warehouse.landPageviews(List.of(view(1, "2026-01-01T10:00:00")));
        warehouse.run("2026-01-01T11:05:00", 0);
        List<MartRow> before = current();

        // Same rows in another order, on a later day: not a new snapshot.
        warehouse.landUsers(List.of(user(2, "B"), user(1, "A")));
        CliResult again = warehouse.run("2026-01-02T11:05:00", 0);

        assertThat(again.out()).contains("unchanged");
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.users_snapshots"))
                .isEqualTo(1);
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.user_postcode_history"))
                .isEqualTo(2);
        assertThat(current()).isEqualTo(before);
    }

    @Test
    void aNewSnapshotOnTheSameDayReplacesTheLastOne() {
        warehouse.landUsers(List.of(user(1, "A"), user(2, "B")));
        warehouse.landPageviews(List.of());
        warehouse.run(DAY1_MIDNIGHT, 0);
        warehouse.landUsers(List.of(user(1, "C"), user(2, "B"), user(3, "D")));
        warehouse.landPageviews(List.of(view(1, "2026-01-02T10:00:00"), view(3, "2026-01-02T10:00:00")));
        warehouse.run(DAY2_MIDNIGHT, 0);

        // The extract is re-run the same day: user 1 did not move after all, and user 3 does not exist.
        warehouse.landUsers(List.of(user(1, "A"), user(2, "B")));
        warehouse.run("2026-01-02T11:05:00", 0);

        assertThat(atView()).containsExactly(row("2026-01-02T10:00", null, 1), row("2026-01-02T10:00", "A", 1));
        assertThat(current()).isEqualTo(atView());
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.users_snapshots WHERE replaced_by IS NULL"))
                .isEqualTo(2);
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.user_postcode_history"))
                .isEqualTo(2);
    }

    @Test
    void aSnapshotEffectiveBeforeTheLastAcceptedOneIsRefused() {
        warehouse.landUsers(List.of(user(1, "A")));
        warehouse.landPageviews(List.of());
        warehouse.run(DAY2_MIDNIGHT, 0);
        warehouse.landUsers(List.of(user(1, "B")));
        warehouse.landPageviews(List.of(view(1, "2026-01-01T10:00:00")));

        CliResult refused = warehouse.run("2026-01-01T11:05:00", 3);

        assertThat(refused.err()).contains("before the last accepted snapshot");
        assertThat(atView()).containsExactly(row("2026-01-01T10:00", "A", 1));
        assertThat(current()).isEqualTo(atView());
    }

    @Test
    void aUserAbsentFromASnapshotWasDeletedThenAndMayComeBack() {
        warehouse.landUsers(List.of(user(1, "A"), user(2, "Z")));
        warehouse.landPageviews(List.of());
        warehouse.run(DAY1_MIDNIGHT, 0);
        warehouse.landUsers(List.of(user(2, "Z")));
        warehouse.landPageviews(List.of(view(1, "2026-01-02T10:00:00")));
        warehouse.run("2026-01-02T11:05:00", 0);

        // Deleted: the user keeps the last postcode it had, for both questions.
        assertThat(current()).containsExactly(row("2026-01-02T10:00", "A", 1));
        assertThat(atView()).containsExactly(row("2026-01-02T10:00", "A", 1));

        warehouse.landUsers(List.of(user(1, "B"), user(2, "Z")));
        warehouse.landPageviews(List.of(view(1, "2026-01-03T10:00:00")));
        warehouse.run("2026-01-03T11:05:00", 0);

        assertThat(atView()).containsExactly(row("2026-01-02T10:00", "A", 1), row("2026-01-03T10:00", "B", 1));
        assertThat(current()).containsExactly(row("2026-01-02T10:00", "B", 1), row("2026-01-03T10:00", "B", 1));
        assertThat(warehouse.query(
                        "SELECT is_deleted FROM core.user_postcode_history WHERE user_id = 1 ORDER BY valid_from",
                        rs -> rs.getBoolean(1)))
                .containsExactly(false, true, false);
    }

    // --- Pageview batches ------------------------------------------------------------------------------------

    @Test
    void aBatchBelongsToTheHourMostOfItsRowsFallIn() {
        warehouse.landUsers(List.of(user(1, "A")));
        warehouse.landPageviews(List.of(
                view(1, "2026-01-01T09:59:00"), view(1, "2026-01-01T10:01:00"), view(1, "2026-01-01T10:02:00")));
        warehouse.run("2026-01-01T11:05:00", 0);

        assertThat(batchHours()).containsExactly(LocalDateTime.parse("2026-01-01T10:00"));
        // Each row is counted in the hour of its own pageview_datetime.
        assertThat(atView()).containsExactly(row("2026-01-01T09:00", "A", 1), row("2026-01-01T10:00", "A", 2));
    }

    @Test
    void aTieBetweenHoursGoesToTheLaterHour() {
        warehouse.landUsers(List.of(user(1, "A")));
        warehouse.landPageviews(List.of(view(1, "2026-01-01T09:30:00"), view(1, "2026-01-01T10:30:00")));
        warehouse.run("2026-01-01T11:05:00", 0);

        assertThat(batchHours()).containsExactly(LocalDateTime.parse("2026-01-01T10:00"));
    }

    @Test
    void theSameBatchContentAgainChangesNothing() {
        warehouse.landUsers(List.of(user(1, "A")));
        List<PageviewRow> batch = List.of(view(1, "2026-01-01T10:00:00"), view(1, "2026-01-01T10:10:00"));
        warehouse.landPageviews(batch);
        warehouse.run("2026-01-01T11:05:00", 0);

        List<PageviewRow> reordered = new ArrayList<>(batch);
        Collections.reverse(reordered);
        warehouse.landPageviews(reordered);
        CliResult again = warehouse.run("2026-01-01T12:05:00", 0);

        assertThat(again.out()).contains("already loaded");
        assertThat(atView()).containsExactly(row("2026-01-01T10:00", "A", 2));
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.pageview_fact"))
                .isEqualTo(2);
    }

    @Test
    void theSameBatchContentAgainChangesNothingEvenWhereALaterAsOfWouldGiveItAnotherHour() {
        warehouse.landUsers(List.of(user(1, "A")));
        // As of 11:05 the three views at 12:xx are in the future: the batch is 10:00's, with two views.
        warehouse.landPageviews(List.of(
                view(1, "2026-01-01T10:10:00"),
                view(1, "2026-01-01T10:20:00"),
                view(1, "2026-01-01T12:10:00"),
                view(1, "2026-01-01T12:20:00"),
                view(1, "2026-01-01T12:30:00")));
        warehouse.run("2026-01-01T11:05:00", 0);

        // As of 13:05 most rows would fall in 12:00; read anew, the 10:00 views would be counted a second time.
        CliResult again = warehouse.run("2026-01-01T13:05:00", 0);

        assertThat(again.out()).contains("already loaded");
        assertThat(batchHours()).containsExactly(LocalDateTime.parse("2026-01-01T10:00"));
        assertThat(atView()).containsExactly(row("2026-01-01T10:00", "A", 2));
    }

    @Test
    void aBatchWithDifferentContentForAnHourReplacesIt() {
        warehouse.landUsers(List.of(user(1, "A"), user(2, "B")));
        warehouse.landPageviews(List.of(
                view(1, "2026-01-01T10:00:00"), view(1, "2026-01-01T09:59:00"), view(1, "2026-01-01T10:30:00")));
        warehouse.run("2026-01-01T11:05:00", 0);
        warehouse.landPageviews(List.of(view(2, "2026-01-01T10:00:00"), view(2, "2026-01-01T10:20:00")));
        warehouse.run("2026-01-01T11:35:00", 0);

        assertThat(atView()).containsExactly(row("2026-01-01T10:00", "B", 2));
        assertThat(current()).isEqualTo(atView());
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.pageview_fact"))
                .isEqualTo(2);
    }

    @Test
    void batchesInAnyOrderGiveTheSameResultAsInOrder() {
        List<List<PageviewRow>> hours = List.of(
                List.of(view(1, "2026-01-02T08:10:00"), view(2, "2026-01-02T08:20:00")),
                List.of(view(1, "2026-01-02T09:10:00"), view(1, "2026-01-02T08:59:00"), view(1, "2026-01-02T09:11:00")),
                List.of(view(2, "2026-01-02T10:10:00")));
        Map<String, List<MartRow>> inOrder = replayHours(hours, List.of(0, 1, 2));
        Map<String, List<MartRow>> backfilled = replayHours(hours, List.of(2, 0, 1));

        assertThat(backfilled).isEqualTo(inOrder);
    }

    @Test
    void identicalRowsInABatchAreSeparatePageviews() {
        warehouse.landUsers(List.of(user(1, "A")));
        warehouse.landPageviews(List.of(
                view(1, "2026-01-01T10:00:00"), view(1, "2026-01-01T10:00:00"), view(1, "2026-01-01T10:00:00")));
        warehouse.run("2026-01-01T11:05:00", 0);

        assertThat(atView()).containsExactly(row("2026-01-01T10:00", "A", 3));
    }

    // --- Attribution -----------------------------------------------------------------------------------------

    @Test
    void postcodeAtViewIsThatOfTheLatestSnapshotEffectiveAtOrBeforeTheView() {
        warehouse.landUsers(List.of(user(1, "A")));
        warehouse.landPageviews(List.of());
        warehouse.run(DAY1_MIDNIGHT, 0);
        warehouse.landUsers(List.of(user(1, "B")));
        warehouse.run(DAY2_MIDNIGHT, 0);
        warehouse.landUsers(List.of(user(1, "C")));
        warehouse.run(DAY3_MIDNIGHT, 0);
        // Backfilled views of all three days arrive after the snapshots.
        warehouse.landPageviews(List.of(
                view(1, "2026-01-01T12:00:00"),
                view(1, "2026-01-02T00:00:00"),
                view(1, "2026-01-02T12:00:00"),
                view(1, "2026-01-03T12:00:00"),
                view(1, "2026-01-03T12:30:00")));
        warehouse.run("2026-01-03T13:05:00", 0);

        assertThat(atView())
                .containsExactly(
                        row("2026-01-01T12:00", "A", 1), row("2026-01-02T00:00", "B", 1),
                        row("2026-01-02T12:00", "B", 1), row("2026-01-03T12:00", "C", 2));
        assertThat(current()).extracting(MartRow::postcode).containsOnly("C");
    }

    @Test
    void aViewBeforeEverySnapshotOfTheUserGetsTheEarliestSnapshotsPostcode() {
        warehouse.landUsers(List.of(user(2, "Z")));
        warehouse.landPageviews(List.of());
        warehouse.run(DAY1_MIDNIGHT, 0);
        warehouse.landUsers(List.of(user(1, "A"), user(2, "Z")));
        warehouse.run(DAY2_MIDNIGHT, 0);
        warehouse.landUsers(List.of(user(1, "B"), user(2, "Z")));
        warehouse.run(DAY3_MIDNIGHT, 0);
        warehouse.landPageviews(List.of(view(1, "2026-01-01T10:00:00")));
        warehouse.run("2026-01-03T11:05:00", 0);

        assertThat(atView()).containsExactly(row("2026-01-01T10:00", "A", 1));
        assertThat(current()).containsExactly(row("2026-01-01T10:00", "B", 1));
    }

    @Test
    void aDeletedUserKeepsTheLastPostcodeItHad() {
        warehouse.landUsers(List.of(user(1, "A"), user(2, "Z")));
        warehouse.landPageviews(List.of(view(1, "2026-01-01T10:00:00")));
        warehouse.run("2026-01-01T11:05:00", 0);
        warehouse.landUsers(List.of(user(2, "Z")));
        warehouse.landPageviews(List.of(view(1, "2026-01-02T10:00:00")));
        warehouse.run("2026-01-02T11:05:00", 0);

        assertThat(current()).containsExactly(row("2026-01-01T10:00", "A", 1), row("2026-01-02T10:00", "A", 1));
        assertThat(atView()).isEqualTo(current());
    }

    @Test
    void anUnknownUserIsNullUntilASnapshotContainsItThenBothMartsAreCorrected() {
        warehouse.landUsers(List.of(user(2, "Z")));
        warehouse.landPageviews(List.of(view(1, "2026-01-01T10:00:00"), view(1, "2026-01-01T10:10:00")));
        warehouse.run("2026-01-01T11:05:00", 0);
        assertThat(atView()).containsExactly(row("2026-01-01T10:00", null, 2));
        assertThat(current()).containsExactly(row("2026-01-01T10:00", null, 2));

        warehouse.landUsers(List.of(user(1, "a"), user(2, "Z")));
        warehouse.landPageviews(List.of(view(1, "2026-01-02T10:00:00")));
        warehouse.run("2026-01-02T11:05:00", 0);

        assertThat(atView()).containsExactly(row("2026-01-01T10:00", "A", 2), row("2026-01-02T10:00", "A", 1));
        assertThat(current()).isEqualTo(atView());
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.pageview_fact WHERE postcode_at_view IS NULL"))
                .isZero();
    }

    @Test
    void anUnknownUserNamedByASameDayReplacementIsCorrectedInBothMarts() {
        warehouse.landUsers(List.of(user(1, "A")));
        warehouse.landPageviews(List.of(view(1, "2026-01-05T00:10:00"), view(2, "2026-01-05T00:20:00")));
        warehouse.run("2026-01-05T01:05:00", 0);
        assertThat(current()).containsExactly(row("2026-01-05T00:00", null, 1), row("2026-01-05T00:00", "A", 1));

        warehouse.landUsers(List.of(user(1, "A"), user(2, "B")));
        warehouse.landPageviews(List.of(view(2, "2026-01-05T01:10:00")));
        warehouse.run("2026-01-05T02:05:00", 0);

        List<MartRow> expected = List.of(
                row("2026-01-05T00:00", "A", 1), row("2026-01-05T00:00", "B", 1), row("2026-01-05T01:00", "B", 1));
        assertThat(atView()).containsExactlyElementsOf(expected);
        assertThat(current()).containsExactlyElementsOf(expected);
        CliResult checked = warehouse.pvw("check", "--full");
        assertThat(checked.exitCode()).as(checked.toString()).isZero();
    }

    @Test
    void aMoveCorrectsTheCurrentMartOverAllHistoryButNotThePostcodeAtView() {
        warehouse.landUsers(List.of(user(1, "A"), user(2, "B")));
        warehouse.landPageviews(List.of(view(1, "2026-01-01T10:00:00"), view(2, "2026-01-01T10:00:00")));
        warehouse.run("2026-01-01T11:05:00", 0);
        warehouse.landUsers(List.of(user(1, "C"), user(2, "B")));
        warehouse.landPageviews(List.of(view(1, "2026-01-02T10:00:00")));
        warehouse.run("2026-01-02T11:05:00", 0);

        assertThat(current())
                .containsExactly(
                        row("2026-01-01T10:00", "B", 1),
                        row("2026-01-01T10:00", "C", 1),
                        row("2026-01-02T10:00", "C", 1));
        assertThat(atView())
                .containsExactly(
                        row("2026-01-01T10:00", "A", 1),
                        row("2026-01-01T10:00", "B", 1),
                        row("2026-01-02T10:00", "C", 1));
    }

    // --- Bad input -------------------------------------------------------------------------------------------

    @Test
    void badPageviewRowsAreQuarantinedAndARowWithANullUrlCounts() {
        warehouse.landUsers(List.of(user(1, "A")));
        warehouse.landPageviews(List.of(
                new PageviewRow(null, "u", LocalDateTime.parse("2026-01-01T10:00:00")),
                new PageviewRow(1L, "u", null),
                view(1, "2026-01-01T11:05:01"),
                new PageviewRow(1L, null, LocalDateTime.parse("2026-01-01T10:00:00")),
                view(1, "2026-01-01T11:05:00")));
        CliResult result = warehouse.run("2026-01-01T11:05:00", 0);

        assertThat(atView()).containsExactly(row("2026-01-01T10:00", "A", 1), row("2026-01-01T11:00", "A", 1));
        assertThat(quarantineReasons("core.quarantined_pageviews"))
                .isEqualTo(Map.of("null_user_id", 1L, "null_pageview_datetime", 1L, "pageview_after_as_of", 1L));
        assertThat(result.out()).contains("3 rows quarantined");
        assertThat(warehouse.pvw("status").out())
                .contains("null_user_id")
                .contains("null_pageview_datetime")
                .contains("pageview_after_as_of");
    }

    @Test
    void userRowsWithANullIdAreQuarantined() {
        warehouse.landUsers(List.of(user(1, "A"), new UserRow(null, "B")));
        warehouse.landPageviews(List.of(view(1, "2026-01-01T10:00:00")));
        CliResult result = warehouse.run("2026-01-01T11:05:00", 0);

        assertThat(quarantineReasons("core.quarantined_users")).isEqualTo(Map.of("null_id", 1L));
        assertThat(result.out()).contains("1 rows quarantined");
        assertThat(atView()).containsExactly(row("2026-01-01T10:00", "A", 1));
    }

    @Test
    void rowsForOneIdWithTheSameNormalisedPostcodeAreOneUser() {
        warehouse.landUsers(List.of(user(1, "sw19"), user(1, " SW19"), user(1, "SW19")));
        warehouse.landPageviews(List.of(view(1, "2026-01-01T10:00:00")));
        warehouse.run("2026-01-01T11:05:00", 0);

        assertThat(atView()).containsExactly(row("2026-01-01T10:00", "SW19", 1));
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.quarantined_users"))
                .isZero();
        assertThat(warehouse.queryLong("SELECT users FROM core.users_snapshots"))
                .isEqualTo(1);
    }

    @Test
    void conflictingPostcodesAreQuarantinedAndTheUserKeepsItsPreviousPostcode() {
        warehouse.landUsers(List.of(user(1, "A"), user(3, "Z")));
        warehouse.landPageviews(List.of());
        warehouse.run(DAY1_MIDNIGHT, 0);
        // User 1 conflicts and keeps A; user 2 conflicts and was absent before, so stays absent (unknown).
        warehouse.landUsers(List.of(user(1, "B"), user(1, "C"), user(2, "X"), user(2, ""), user(3, "Z")));
        warehouse.landPageviews(List.of(view(1, "2026-01-02T10:00:00"), view(2, "2026-01-02T10:00:00")));
        warehouse.run("2026-01-02T11:05:00", 0);

        assertThat(atView()).containsExactly(row("2026-01-02T10:00", null, 1), row("2026-01-02T10:00", "A", 1));
        assertThat(current()).isEqualTo(atView());
        assertThat(quarantineReasons("core.quarantined_users")).isEqualTo(Map.of("conflicting_postcodes", 4L));
    }

    @Test
    void aUsersExtractWithNoValidRowsIsRefusedAndThePageviewBatchIsStillProcessed() {
        warehouse.landUsers(List.of(user(1, "A")));
        warehouse.landPageviews(List.of());
        warehouse.run(DAY1_MIDNIGHT, 0);
        warehouse.landUsers(List.of(new UserRow(null, "B"), new UserRow(null, "C")));
        warehouse.landPageviews(List.of(view(1, "2026-01-02T10:00:00")));

        CliResult refused = warehouse.run("2026-01-02T11:05:00", 3);

        assertThat(refused.err()).contains("no valid rows");
        assertThat(atView()).containsExactly(row("2026-01-02T10:00", "A", 1));
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.users_snapshots"))
                .isEqualTo(1);
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.quarantined_users"))
                .isZero();
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.runs WHERE outcome = 'refused'"))
                .isEqualTo(1);
    }

    @Test
    void anEmptyUsersExtractIsRefusedOnceASnapshotWasAccepted() {
        warehouse.landUsers(List.of(user(1, "A")));
        warehouse.landPageviews(List.of());
        warehouse.run(DAY1_MIDNIGHT, 0);
        warehouse.landUsers(List.of());

        warehouse.run(DAY2_MIDNIGHT, 3);

        assertThat(warehouse.queryLong("SELECT count(*) FROM core.users_snapshots"))
                .isEqualTo(1);
    }

    @Test
    void anEmptyWarehouseWithEmptyExtractsRunsWithNothingNew() {
        CliResult result = warehouse.run(DAY1_MIDNIGHT, 0);

        assertThat(result.out()).contains("no snapshot has been accepted yet").contains("pageviews extract is empty");
    }

    @Test
    void aSnapshotWithFewerThanHalfTheIdsIsRefusedUnlessShrinkIsAllowed() {
        warehouse.landUsers(List.of(user(1, "A"), user(2, "A"), user(3, "A"), user(4, "A"), user(5, "A")));
        warehouse.landPageviews(List.of());
        warehouse.run(DAY1_MIDNIGHT, 0);
        warehouse.landUsers(List.of(user(1, "B"), user(2, "B")));
        warehouse.landPageviews(List.of(view(1, "2026-01-02T10:00:00")));

        CliResult refused = warehouse.run("2026-01-02T11:05:00", 3);
        assertThat(refused.err()).contains("--allow-shrink");
        assertThat(atView()).containsExactly(row("2026-01-02T10:00", "A", 1));

        warehouse.run("2026-01-02T12:05:00", 0, "--allow-shrink");
        assertThat(atView()).containsExactly(row("2026-01-02T10:00", "B", 1));
        assertThat(warehouse.queryLong("SELECT deleted_users FROM core.users_snapshots WHERE snapshot_id = 2"))
                .isEqualTo(3);
    }

    @Test
    void exactlyHalfTheIdsIsNotAShrink() {
        warehouse.landUsers(List.of(user(1, "A"), user(2, "A"), user(3, "A"), user(4, "A")));
        warehouse.landPageviews(List.of());
        warehouse.run(DAY1_MIDNIGHT, 0);
        warehouse.landUsers(List.of(user(1, "B"), user(2, "B")));

        warehouse.run(DAY2_MIDNIGHT, 0);
    }

    // --- Init ------------------------------------------------------------------------------------------------

    @Test
    void initIsSafeToRunAgainAndNeverChangesData() {
        warehouse.landUsers(List.of(user(1, "A")));
        warehouse.landPageviews(List.of(view(1, "2026-01-01T10:00:00")));
        warehouse.run("2026-01-01T11:05:00", 0);

        assertThat(warehouse.pvw("init").exitCode()).isZero();

        assertThat(atView()).containsExactly(row("2026-01-01T10:00", "A", 1));
        assertThat(warehouse.queryLong("SELECT count(*) FROM raw.users_extract"))
                .isEqualTo(1);
        assertThat(warehouse.queryLong("SELECT count(*) FROM raw.pageviews_extract"))
                .isEqualTo(1);
    }

    @Test
    void initAndRunRecreateATableThatWentMissing() {
        warehouse.landUsers(List.of(user(1, "A")));
        warehouse.landPageviews(List.of(view(1, "2026-01-01T10:00:00")));
        warehouse.run("2026-01-01T11:05:00", 0);
        warehouse.execute("DROP TABLE mart.pageviews_hourly_by_current_postcode");

        assertThat(warehouse.pvw("init").exitCode()).isZero();

        assertThat(current()).isEmpty();
        assertThat(atView()).containsExactly(row("2026-01-01T10:00", "A", 1));
        warehouse.execute("DROP TABLE raw.pageviews_extract");
        warehouse.run("2026-01-01T12:05:00", 0);
        assertThat(warehouse.queryLong("SELECT count(*) FROM raw.pageviews_extract"))
                .isZero();
    }

    @Test
    void runCreatesTheWarehouseWhenInitWasNeverRun() {
        TestingWarehouse fresh = new TestingWarehouse(engine(), directory.resolve("fresh"));
        directory.resolve("fresh").toFile().mkdirs();

        CliResult result = fresh.run(DAY1_MIDNIGHT, 0);

        assertThat(result.out()).contains("no snapshot has been accepted yet");
        assertThat(fresh.queryLong("SELECT count(*) FROM raw.users_extract")).isZero();
    }

    // --- Helpers ---------------------------------------------------------------------------------------------

    /** Replays the hours in {@code order} into a new warehouse of their own, and reads both marts. */
    private Map<String, List<MartRow>> replayHours(List<List<PageviewRow>> hours, List<Integer> order) {
        warehouse.close();
        try {
            warehouse = TestingWarehouse.initialized(engine(), Files.createTempDirectory(directory, "replay"))
                    .heldOpen();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        warehouse.landUsers(List.of(user(1, "A"), user(2, "B")));
        warehouse.landPageviews(List.of());
        warehouse.run(DAY2_MIDNIGHT, 0);
        for (int index : order) {
            warehouse.landPageviews(hours.get(index));
            warehouse.run("2026-01-02T12:05:00", 0);
        }
        return Map.of("current", current(), "at-view", atView());
    }

    private List<MartRow> current() {
        return warehouse.currentMart();
    }

    private List<MartRow> atView() {
        return warehouse.atViewMart();
    }

    private List<LocalDateTime> batchHours() {
        return warehouse.query(
                "SELECT batch_hour FROM core.pageview_batches WHERE replaced_by IS NULL ORDER BY batch_hour",
                rs -> rs.getTimestamp(1).toLocalDateTime());
    }

    private Map<String, Long> quarantineReasons(String table) {
        Map<String, Long> counts = new TreeMap<>();
        warehouse.query("SELECT reason, count(*) FROM " + table + " GROUP BY reason", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
            return null;
        });
        return counts;
    }

    static UserRow user(long id, String postcode) {
        return new UserRow(id, postcode);
    }

    static PageviewRow view(long userId, String at) {
        return new PageviewRow(userId, "https://www.website.com/" + userId, LocalDateTime.parse(at));
    }

    static MartRow row(String hour, String postcode, long pageviews) {
        return new MartRow(LocalDateTime.parse(hour), postcode, pageviews);
    }
}
