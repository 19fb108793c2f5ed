package dev.pvw.reference;

import static dev.pvw.reference.ReferenceModel.PageviewsOutcome.EMPTY;
import static dev.pvw.reference.ReferenceModel.PageviewsOutcome.LOADED;
import static dev.pvw.reference.ReferenceModel.PageviewsOutcome.NO_VALID_ROWS;
import static dev.pvw.reference.ReferenceModel.PageviewsOutcome.REPLACED;
import static dev.pvw.reference.ReferenceModel.UsersOutcome.ACCEPTED;
import static dev.pvw.reference.ReferenceModel.UsersOutcome.NO_SNAPSHOT_YET;
import static dev.pvw.reference.ReferenceModel.UsersOutcome.REFUSED_EARLIER_DAY;
import static dev.pvw.reference.ReferenceModel.UsersOutcome.REFUSED_NO_VALID_ROWS;
import static dev.pvw.reference.ReferenceModel.UsersOutcome.REFUSED_SHRINK;
import static dev.pvw.reference.ReferenceModel.UsersOutcome.REPLACED_SAME_DAY;
import static dev.pvw.reference.ReferenceModel.UsersOutcome.UNCHANGED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.reference.ReferenceModel.PageviewsOutcome;
import dev.pvw.reference.ReferenceModel.RunOutcome;
import dev.pvw.reference.ReferenceModel.UsersOutcome;
import dev.pvw.testing.MartRow;
import dev.pvw.testing.PageviewRow;
import dev.pvw.testing.UserRow;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The reference model on examples worked out by hand from SPEC.md, without a database. */
class ReferenceModelTest {
    private static final String A = "AB1 2CD";
    private static final String B = "EF3 4GH";
    private static final String C = "JK5 6LM";
    private static final String D = "NP7 8QR";

    private final ReferenceModel model = new ReferenceModel();

    @Test
    void movedUserCountsAtTheOldPostcodeBeforeTheMoveAndAtTheNewOneCurrently() {
        expect(run("2026-03-01T11:05", List.of(user(1, A)), List.of(view(1, "2026-03-01T10:30"))), ACCEPTED, LOADED);
        expect(run("2026-03-02T11:05", List.of(user(1, B)), List.of(view(1, "2026-03-02T10:15"))), ACCEPTED, LOADED);

        assertThat(model.atViewMart()).containsExactly(row("2026-03-01T10:00", A, 1), row("2026-03-02T10:00", B, 1));
        assertThat(model.currentMart()).containsExactly(row("2026-03-01T10:00", B, 1), row("2026-03-02T10:00", B, 1));
    }

    @Test
    void deletedUserKeepsItsLastPostcodeUntilItReturns() {
        run("2026-03-01T11:05", List.of(user(1, A), user(2, B)), List.of(view(1, "2026-03-01T10:30")));
        // Deleting one user of two is exactly half, which the shrink guard lets through.
        expect(run("2026-03-02T11:05", List.of(user(2, B)), List.of(view(1, "2026-03-02T10:30"))), ACCEPTED, LOADED);

        assertThat(model.atViewMart()).containsExactly(row("2026-03-01T10:00", A, 1), row("2026-03-02T10:00", A, 1));
        assertThat(model.currentMart()).containsExactly(row("2026-03-01T10:00", A, 1), row("2026-03-02T10:00", A, 1));

        expect(
                run("2026-03-03T11:05", List.of(user(1, C), user(2, B)), List.of(view(1, "2026-03-03T10:30"))),
                ACCEPTED,
                LOADED);

        assertThat(model.atViewMart())
                .containsExactly(
                        row("2026-03-01T10:00", A, 1), row("2026-03-02T10:00", A, 1), row("2026-03-03T10:00", C, 1));
        assertThat(model.currentMart())
                .containsExactly(
                        row("2026-03-01T10:00", C, 1), row("2026-03-02T10:00", C, 1), row("2026-03-03T10:00", C, 1));
    }

    @Test
    void unknownUserIsNullUntilASnapshotContainsItThenHistoryIsCorrected() {
        List<PageviewRow> views = List.of(view(1, "2026-03-01T10:30"), view(9, "2026-03-01T10:40"));
        expect(run("2026-03-01T11:05", List.of(), views), NO_SNAPSHOT_YET, LOADED);
        assertThat(model.atViewMart()).containsExactly(row("2026-03-01T10:00", null, 2));
        assertThat(model.currentMart()).containsExactly(row("2026-03-01T10:00", null, 2));

        // The same pageviews extract is still in the table: nothing new there.
        expect(run("2026-03-02T00:10", List.of(user(1, A)), views), ACCEPTED, PageviewsOutcome.UNCHANGED);
        // A view before every snapshot containing the user takes the earliest one's postcode.
        assertThat(model.atViewMart()).containsExactly(row("2026-03-01T10:00", null, 1), row("2026-03-01T10:00", A, 1));
        assertThat(model.currentMart())
                .containsExactly(row("2026-03-01T10:00", null, 1), row("2026-03-01T10:00", A, 1));

        run("2026-03-03T00:10", List.of(user(1, B), user(9, C)), views);
        assertThat(model.atViewMart()).containsExactly(row("2026-03-01T10:00", A, 1), row("2026-03-01T10:00", C, 1));
        assertThat(model.currentMart()).containsExactly(row("2026-03-01T10:00", B, 1), row("2026-03-01T10:00", C, 1));
    }

    @Test
    void postcodesAreTrimmedAndUpperCasedAndEmptyIsUnknown() {
        List<UserRow> users =
                List.of(user(1, " ab1 2cd  "), user(2, ""), user(3, null), user(4, "\tEf3 4gH"), user(5, "   "));
        List<PageviewRow> views = LongStream.rangeClosed(1, 5)
                .mapToObj(id -> view(id, "2026-03-01T10:30"))
                .toList();

        expect(run("2026-03-01T11:05", users, views), ACCEPTED, LOADED);

        assertThat(model.atViewMart())
                .containsExactly(
                        row("2026-03-01T10:00", null, 3), row("2026-03-01T10:00", A, 1), row("2026-03-01T10:00", B, 1));
    }

    @Test
    void snapshotOnTheSameDayReplacesTheEarlierOneAsIfItNeverHappened() {
        run("2026-03-01T11:05", List.of(user(1, A)), List.of(view(1, "2026-03-01T10:30")));
        List<PageviewRow> laterViews = List.of(view(1, "2026-03-02T05:30"));
        expect(run("2026-03-02T00:10", List.of(user(1, B)), List.of()), ACCEPTED, EMPTY);
        expect(run("2026-03-02T06:05", List.of(user(1, C)), laterViews), REPLACED_SAME_DAY, LOADED);

        assertThat(model.atViewMart()).containsExactly(row("2026-03-01T10:00", A, 1), row("2026-03-02T05:00", C, 1));
        assertThat(model.currentMart()).containsExactly(row("2026-03-01T10:00", C, 1), row("2026-03-02T05:00", C, 1));

        // Conflicting rows fall back on the previous accepted snapshot: the one of 03-01, since C's is replaced.
        // (User 2 gives the extract a valid row, which the guard wants.)
        expect(
                run("2026-03-02T07:05", List.of(user(1, D), user(1, B), user(2, D)), laterViews),
                REPLACED_SAME_DAY,
                PageviewsOutcome.UNCHANGED);

        assertThat(model.atViewMart()).containsExactly(row("2026-03-01T10:00", A, 1), row("2026-03-02T05:00", A, 1));
        assertThat(model.currentMart()).containsExactly(row("2026-03-01T10:00", A, 1), row("2026-03-02T05:00", A, 1));
    }

    @Test
    void conflictingPostcodesKeepThePreviousSnapshotsPostcodeOrStayAbsent() {
        List<PageviewRow> views = LongStream.rangeClosed(1, 5)
                .mapToObj(id -> view(id, "2026-03-01T10:30"))
                .toList();
        run("2026-03-01T11:05", List.of(user(1, A), user(2, B)), views);

        List<UserRow> users = List.of(
                // one user: the rows agree once normalised
                user(1, A),
                user(1, " ab1 2cd"),
                // conflicting, keeps B from the previous snapshot
                user(2, C),
                user(2, D),
                // conflicting and absent before, so absent now
                user(3, A),
                user(3, B),
                // NULL and empty are both the unknown postcode: one user with an unknown postcode
                user(4, ""),
                user(4, null),
                // unknown against known is a conflict
                user(5, ""),
                user(5, C));
        expect(run("2026-03-02T00:10", users, views), ACCEPTED, PageviewsOutcome.UNCHANGED);

        assertThat(model.currentMart())
                .containsExactly(
                        row("2026-03-01T10:00", null, 3), row("2026-03-01T10:00", A, 1), row("2026-03-01T10:00", B, 1));
    }

    @Test
    void emptyExtractIsNoSnapshotYetButRefusedOnceOneWasAccepted() {
        List<PageviewRow> views = List.of(view(1, "2026-03-01T10:30"));
        assertThat(run("2026-03-01T11:05", List.of(), views).exitCode()).isZero();
        run("2026-03-01T12:05", List.of(user(1, A)), views);

        RunOutcome refused = run("2026-03-02T11:05", List.of(), List.of(view(1, "2026-03-02T10:30")));

        assertThat(refused).isEqualTo(new RunOutcome(REFUSED_NO_VALID_ROWS, LOADED));
        assertThat(refused.exitCode()).isEqualTo(3);
        // The refused run still counted its batch.
        assertThat(model.currentMart()).containsExactly(row("2026-03-01T10:00", A, 1), row("2026-03-02T10:00", A, 1));
    }

    @Test
    void extractWithoutValidRowsIsRefusedEvenAsTheFirstOne() {
        List<UserRow> noValidRows = List.of(user(null, A), user(2, B), user(2, C));

        RunOutcome outcome = run("2026-03-01T11:05", noValidRows, List.of(view(2, "2026-03-01T10:30")));

        assertThat(outcome).isEqualTo(new RunOutcome(REFUSED_NO_VALID_ROWS, LOADED));
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(model.atViewMart()).containsExactly(row("2026-03-01T10:00", null, 1));
    }

    @Test
    void shrinkBelowHalfTheDistinctIdsIsRefusedUnlessAllowed() {
        run("2026-03-01T00:10", users(1, 10, A), List.of());

        assertThat(run("2026-03-02T00:10", users(1, 4, B), List.of()).users()).isEqualTo(REFUSED_SHRINK);
        // NULL ids do not count; a conflicting id does.
        List<UserRow> fourAndAHalf = new ArrayList<>(users(1, 4, B));
        fourAndAHalf.addAll(List.of(user(null, B), user(null, C), user(5, B), user(5, C)));
        assertThat(run("2026-03-02T00:20", fourAndAHalf, List.of()).users()).isEqualTo(ACCEPTED);
        // The last accepted snapshot now has 5 distinct ids: 2 are fewer than half, 3 are not.
        assertThat(run("2026-03-02T00:30", users(1, 2, C), List.of()).users()).isEqualTo(REFUSED_SHRINK);
        assertThat(run("2026-03-02T00:40", users(1, 3, C), List.of()).users()).isEqualTo(REPLACED_SAME_DAY);
        assertThat(run("2026-03-03T00:10", users(1, 1, D), List.of(), true).users())
                .isEqualTo(ACCEPTED);
    }

    @Test
    void snapshotEffectiveBeforeTheLastAcceptedIsRefusedButTheSameContentIsUnchanged() {
        List<UserRow> users = List.of(user(1, A));
        run("2026-03-02T00:10", users, List.of());

        expect(run("2026-03-01T23:00", users, List.of()), UNCHANGED, EMPTY);
        RunOutcome refused = run("2026-03-01T23:00", List.of(user(1, B)), List.of(view(1, "2026-03-01T22:30")));
        assertThat(refused).isEqualTo(new RunOutcome(REFUSED_EARLIER_DAY, LOADED));
        // The refused extract is still in the table: it is new content again at the next run, on the same day now.
        expect(
                run("2026-03-02T01:05", List.of(user(1, B)), List.of(view(1, "2026-03-01T22:30"))),
                REPLACED_SAME_DAY,
                PageviewsOutcome.UNCHANGED);

        assertThat(model.atViewMart()).containsExactly(row("2026-03-01T22:00", B, 1));
    }

    @Test
    void badPageviewRowsAreQuarantinedAndEveryOtherRowCountsInItsOwnHour() {
        run("2026-03-01T00:10", List.of(user(1, A)), List.of());
        List<PageviewRow> views = List.of(
                new PageviewRow(null, "/", at("2026-03-01T10:10")),
                new PageviewRow(1L, "/", null),
                view(1, "2026-03-01T11:05:01"),
                // exactly at --as-of is not later than it
                view(1, "2026-03-01T11:05"),
                new PageviewRow(1L, null, at("2026-03-01T10:20")),
                view(1, "2026-03-01T10:30"));

        expect(run("2026-03-01T11:05", List.of(user(1, A)), views), UNCHANGED, LOADED);

        assertThat(model.atViewMart()).containsExactly(row("2026-03-01T10:00", A, 2), row("2026-03-01T11:00", A, 1));
    }

    @Test
    void identicalRowsAreSeparatePageviewsAndContentIsAMultiset() {
        run("2026-03-01T00:10", List.of(user(1, A)), List.of());
        PageviewRow first = view(1, "2026-03-01T10:10");
        PageviewRow second = view(1, "2026-03-01T10:20");

        expect(run("2026-03-01T11:05", List.of(user(1, A)), List.of(first, second, second)), UNCHANGED, LOADED);
        assertThat(model.atViewMart()).containsExactly(row("2026-03-01T10:00", A, 3));

        expect(
                run("2026-03-01T11:10", List.of(user(1, A)), List.of(second, first, second)),
                UNCHANGED,
                PageviewsOutcome.UNCHANGED);
        assertThat(model.atViewMart()).containsExactly(row("2026-03-01T10:00", A, 3));

        expect(run("2026-03-01T11:15", List.of(user(1, A)), List.of(first, second)), UNCHANGED, REPLACED);
        assertThat(model.atViewMart()).containsExactly(row("2026-03-01T10:00", A, 2));
    }

    @Test
    void tieGoesToTheLaterHourAndAReplacementRemovesTheRowsOfEveryHour() {
        run("2026-03-01T00:10", List.of(user(1, A)), List.of());
        List<PageviewRow> tie = List.of(
                view(1, "2026-03-01T09:40"),
                view(1, "2026-03-01T09:50"),
                view(1, "2026-03-01T10:10"),
                view(1, "2026-03-01T10:20"));

        expect(run("2026-03-01T11:05", List.of(user(1, A)), tie), UNCHANGED, LOADED);
        assertThat(model.atViewMart()).containsExactly(row("2026-03-01T09:00", A, 2), row("2026-03-01T10:00", A, 2));

        // Had the tie gone to 09:00, this batch for 10:00 would stand beside it instead of replacing it.
        List<PageviewRow> tenOClock =
                List.of(view(1, "2026-03-01T10:10"), view(1, "2026-03-01T10:20"), view(1, "2026-03-01T10:30"));
        expect(run("2026-03-01T11:10", List.of(user(1, A)), tenOClock), UNCHANGED, REPLACED);
        assertThat(model.atViewMart()).containsExactly(row("2026-03-01T10:00", A, 3));

        expect(run("2026-03-01T11:15", List.of(user(1, A)), List.of(view(1, "2026-03-01T09:45"))), UNCHANGED, LOADED);
        assertThat(model.atViewMart()).containsExactly(row("2026-03-01T09:00", A, 1), row("2026-03-01T10:00", A, 3));
    }

    @Test
    void backfilledHourGivesTheSameMartsAsInOrder() {
        List<UserRow> first = List.of(user(1, A), user(2, B));
        List<UserRow> second = List.of(user(1, C), user(2, B));
        List<PageviewRow> dayOne = List.of(view(1, "2026-03-01T10:10"), view(2, "2026-03-01T10:20"));
        List<PageviewRow> dayTwo = List.of(view(1, "2026-03-02T10:10"), view(9, "2026-03-02T10:20"));
        ReferenceModel inOrder = new ReferenceModel();
        inOrder.run(at("2026-03-01T00:10"), false, first, List.of());
        inOrder.run(at("2026-03-01T11:05"), false, first, dayOne);
        inOrder.run(at("2026-03-02T00:10"), false, second, dayOne);
        inOrder.run(at("2026-03-02T11:05"), false, second, dayTwo);

        run("2026-03-01T00:10", first, List.of());
        run("2026-03-02T00:10", second, List.of());
        run("2026-03-02T11:05", second, dayTwo);
        run("2026-03-02T12:05", second, dayOne);

        assertThat(model.atViewMart()).isEqualTo(inOrder.atViewMart()).hasSize(4);
        assertThat(model.currentMart()).isEqualTo(inOrder.currentMart());
        assertThat(model.currentMart())
                .containsExactly(
                        row("2026-03-01T10:00", B, 1),
                        row("2026-03-01T10:00", C, 1),
                        row("2026-03-02T10:00", null, 1),
                        row("2026-03-02T10:00", C, 1));
    }

    @Test
    void batchWithoutValidRowsHasNoHourAndReplacesNothing() {
        run("2026-03-01T00:10", List.of(user(1, A)), List.of());
        run("2026-03-01T11:05", List.of(user(1, A)), List.of(view(1, "2026-03-01T10:30")));

        expect(
                run(
                        "2026-03-01T12:05",
                        List.of(user(1, A)),
                        List.of(new PageviewRow(null, "/", at("2026-03-01T10:15")))),
                UNCHANGED,
                NO_VALID_ROWS);
        expect(run("2026-03-01T13:05", List.of(user(1, A)), List.of()), UNCHANGED, EMPTY);

        assertThat(model.atViewMart()).containsExactly(row("2026-03-01T10:00", A, 1));
    }

    @Test
    void sameContentForTheSameHourChangesNothingEvenWhenMoreRowsWouldNowBeValid() {
        run("2026-03-01T00:10", List.of(user(1, A)), List.of());
        List<PageviewRow> views =
                List.of(view(1, "2026-03-01T10:30"), view(1, "2026-03-01T10:40"), view(1, "2026-03-01T11:20"));

        run("2026-03-01T11:05", List.of(user(1, A)), views);
        expect(run("2026-03-01T12:05", List.of(user(1, A)), views), UNCHANGED, PageviewsOutcome.UNCHANGED);

        assertThat(model.atViewMart()).containsExactly(row("2026-03-01T10:00", A, 2));
    }

    private RunOutcome run(String asOf, List<UserRow> users, List<PageviewRow> pageviews) {
        return run(asOf, users, pageviews, false);
    }

    private RunOutcome run(String asOf, List<UserRow> users, List<PageviewRow> pageviews, boolean allowShrink) {
        return model.run(at(asOf), allowShrink, users, pageviews);
    }

    private static void expect(RunOutcome outcome, UsersOutcome users, PageviewsOutcome pageviews) {
        assertThat(outcome).isEqualTo(new RunOutcome(users, pageviews));
    }

    private static UserRow user(Integer id, String postcode) {
        return new UserRow(id == null ? null : id.longValue(), postcode);
    }

    /** Users {@code first} to {@code last}, all at one postcode. */
    private static List<UserRow> users(long first, long last, String postcode) {
        return LongStream.rangeClosed(first, last)
                .mapToObj(id -> new UserRow(id, postcode))
                .toList();
    }

    private static PageviewRow view(long userId, String time) {
        return new PageviewRow(userId, "/page", at(time));
    }

    private static MartRow row(String hour, String postcode, long pageviews) {
        return new MartRow(at(hour), postcode, pageviews);
    }

    private static LocalDateTime at(String time) {
        return LocalDateTime.parse(time);
    }
}
