package dev.pvw.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of the health check on statuses built in the test; the integration suites read them from warehouses. */
class HealthCheckTest {
    private static final HealthCheck DEFAULTS = new HealthCheck(FreshnessLimits.defaults(), true);
    private static final LocalDateTime MIDNIGHT = at("2026-01-05T00:00:00");

    @Test
    void aWarehouseLoadedUpToTheLastHourWithASnapshotOfTheDayAndALastRunThatSucceededIsHealthy() {
        HealthReport report =
                DEFAULTS.check(status(hours(0, 9), List.of(), run(10, "succeeded")), at("2026-01-05T10:05:00"));

        assertThat(report.healthy()).isTrue();
        assertThat(report.lines())
                .containsExactly("OK as of 2026-01-05T10:05:00: no missing hour; the newest pageview hour"
                        + " 2026-01-05T09:00:00 ended 5m before; the users snapshot effective from 2026-01-05T00:00:00"
                        + " is 10h05m old; the last run, #10 as of 2026-01-05T10:05:00, succeeded.");
    }

    @Test
    void theNewestHourMayHaveEndedUpToTheLimitBeforeTheCheckButNotAMinuteMore() {
        WarehouseStatus status = status(hours(0, 9), List.of(), run(10, "succeeded"));

        assertThat(DEFAULTS.check(status, at("2026-01-05T12:00:00")).healthy()).isTrue();
        assertThat(DEFAULTS.check(status, at("2026-01-05T12:01:00")).lines())
                .containsExactly("The newest pageview batch is for hour 2026-01-05T09:00:00, which ended 2h01m before"
                        + " 2026-01-05T12:01:00, more than the limit of 2h; check that the hourly extract lands and that"
                        + " pvw runs after it, then backfill the hours missed (docs/scheduling.md).");
    }

    @Test
    void theSnapshotMayBeUpToItsLimitOldButNotAMinuteMore() {
        HealthCheck lenientOnBatches =
                new HealthCheck(new FreshnessLimits(Duration.ofDays(7), Duration.ofHours(26)), true);
        WarehouseStatus status = status(hours(0, 9), List.of(), run(10, "succeeded"));

        assertThat(lenientOnBatches.check(status, at("2026-01-06T02:00:00")).healthy())
                .isTrue();
        assertThat(lenientOnBatches.check(status, at("2026-01-06T02:01:00")).lines())
                .containsExactly("The newest users snapshot is effective from 2026-01-05T00:00:00, 26h01m before"
                        + " 2026-01-06T02:01:00, more than the limit of 26h; check that the daily users extract lands"
                        + " and that pvw runs after it (an extract identical to the last one makes no new snapshot).");
    }

    @Test
    void eachGapIsOneLine() {
        List<WarehouseStatus.Gap> gaps = List.of(
                new WarehouseStatus.Gap(at("2026-01-05T01:00:00"), at("2026-01-05T03:00:00")),
                new WarehouseStatus.Gap(at("2026-01-05T05:00:00"), at("2026-01-05T09:00:00")));

        assertThat(DEFAULTS.check(status(hours(0, 9), gaps, run(10, "succeeded")), at("2026-01-05T10:05:00"))
                        .lines())
                .containsExactly(
                        "No batch for pageview hour 2026-01-05T02:00:00; load it from the extract archive and"
                                + " backfill it with pvw run --as-of (docs/scheduling.md).",
                        "No batch for 3 pageview hours from 2026-01-05T06:00:00 to 2026-01-05T08:00:00; load them from"
                                + " the extract archive and backfill them with pvw run --as-of (docs/scheduling.md).");
    }

    @Test
    void aLastRunThatFailedWasRefusedOrWasInterruptedIsAProblemEvenWhenTheDataIsFresh() {
        LocalDateTime asOf = at("2026-01-05T10:06:00");

        assertThat(DEFAULTS.check(status(hours(0, 9), List.of(), failed(11)), asOf)
                        .lines())
                .containsExactly("The last run, #11 as of 2026-01-05T10:05:00, failed (the disk is full); fix the"
                        + " cause, then run it again or let the next scheduled run complete the work.");
        assertThat(DEFAULTS.check(status(hours(0, 9), List.of(), run(11, "refused")), asOf)
                        .lines())
                .containsExactly("The last run, #11 as of 2026-01-05T10:05:00, refused the users snapshot: too few ids;"
                        + " run with --allow-shrink if that is right.");
        assertThat(DEFAULTS.check(status(hours(0, 9), List.of(), run(11, "interrupted")), asOf)
                        .lines())
                .containsExactly("The last run, #11 as of 2026-01-05T10:05:00, was interrupted before it finished, so"
                        + " nothing of it was committed; run pvw run --as-of 2026-01-05T10:05:00 or let the next"
                        + " scheduled run complete the work.");
    }

    @Test
    void aRunStillMarkedRunningIsInterruptedWhereTheEngineAdmitsOneProcessAndIsSkippedWhereItMayBeAtWork() {
        WarehouseStatus status = status(hours(0, 9), List.of(), run(11, "running"), failed(10));
        LocalDateTime asOf = at("2026-01-05T10:06:00");

        assertThat(DEFAULTS.check(status, asOf).problems())
                .singleElement()
                .isInstanceOf(Problem.LastRunInterrupted.class);
        assertThat(new HealthCheck(FreshnessLimits.defaults(), false)
                        .check(status, asOf)
                        .problems())
                .singleElement()
                .isInstanceOf(Problem.LastRunFailed.class);
    }

    @Test
    void anEmptyWarehouseHasNeitherBatchNorSnapshot() {
        WarehouseStatus empty = new WarehouseStatus(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                0,
                List.of());

        assertThat(DEFAULTS.check(empty, MIDNIGHT).lines())
                .containsExactly(
                        "No pageview batch has been loaded yet; run pvw after the hourly pageviews extract lands (pvw"
                                + " schedule, or a recipe in deploy/).",
                        "No users snapshot has been accepted yet; check that the daily users extract lands in"
                                + " raw.users_extract and that pvw runs after it.");
    }

    /** Hours {@code first} to {@code last} of 2026-01-05 loaded, a snapshot effective that day, and these runs. */
    private static WarehouseStatus status(
            LocalDateTime[] range, List<WarehouseStatus.Gap> gaps, WarehouseStatus.Run... newestFirst) {
        WarehouseStatus.Snapshot snapshot = new WarehouseStatus.Snapshot(1, MIDNIGHT, 10, 10, 0, 0, 0, 0);
        return new WarehouseStatus(
                Optional.of(snapshot),
                Optional.of(range[0]),
                Optional.of(range[1]),
                Duration.between(range[0], range[1]).toHours() + 1,
                List.of(),
                gaps,
                List.of(),
                List.of(),
                0,
                List.of(newestFirst));
    }

    private static LocalDateTime[] hours(int first, int last) {
        return new LocalDateTime[] {MIDNIGHT.plusHours(first), MIDNIGHT.plusHours(last)};
    }

    private static WarehouseStatus.Run run(long id, String outcome) {
        String message = "refused".equals(outcome) ? "too few ids; run with --allow-shrink if that is right" : null;
        LocalDateTime asOf = at("2026-01-05T10:05:00");
        return new WarehouseStatus.Run(id, asOf, asOf, asOf, outcome, null, null, message);
    }

    private static WarehouseStatus.Run failed(long id) {
        LocalDateTime asOf = at("2026-01-05T10:05:00");
        return new WarehouseStatus.Run(id, asOf, asOf, asOf, "failed", null, null, "the disk is full.");
    }

    private static LocalDateTime at(String timestamp) {
        return LocalDateTime.parse(timestamp);
    }
}
