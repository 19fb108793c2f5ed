package dev.pvw.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Slots, windows and what is due, as cron-utils reads Unix cron expressions in UTC. */
class CronScheduleTest {
    private static final CronSchedule HOURLY = CronSchedule.parse(CronSchedule.DEFAULT_EXPRESSION);

    @Test
    void theDefaultFiresAtFivePastEveryHourInUtc() {
        assertThat(HOURLY.next(instant("2026-01-05T10:05:00"))).isEqualTo(instant("2026-01-05T11:05:00"));
        assertThat(HOURLY.next(instant("2026-01-05T10:04:59"))).isEqualTo(instant("2026-01-05T10:05:00"));
        assertThat(HOURLY.description()).isEqualTo("every hour at minute 5");
    }

    @ParameterizedTest(name = "cron ''{0}'' at {1}: window to {2}")
    @CsvSource({
        "5 * * * *,     2026-01-05T10:05:00, 2026-01-05T11:00:00",
        "'5,35 * * * *', 2026-01-05T10:05:00, 2026-01-05T10:35:00",
        "'5,35 * * * *', 2026-01-05T10:35:00, 2026-01-05T11:00:00",
        "* * * * *,     2026-01-05T10:31:00, 2026-01-05T10:32:00",
        "30 2 * * *,    2026-01-05T02:30:00, 2026-01-05T03:00:00",
        "0 * * * *,     2026-01-05T10:00:00, 2026-01-05T11:00:00"
    })
    void aSlotsWindowClosesAtTheNextSlotOrTheTopOfTheNextHourWhicheverIsFirst(
            String expression, String scheduledAt, String deadline) {
        Slot slot = CronSchedule.parse(expression).slotAt(instant(scheduledAt));

        assertThat(slot.deadline()).isEqualTo(instant(deadline));
    }

    @Test
    void aSlotIsAsOfItsScheduledTimeAndExpectsTheHourBeforeItsOwn() {
        Slot slot = HOURLY.slotAt(instant("2026-01-05T00:05:00"));

        assertThat(slot.asOf()).hasToString("2026-01-05T00:05");
        assertThat(slot.expectedHour()).hasToString("2026-01-04T23:00");
    }

    @ParameterizedTest(name = "at {0}, after {1}: {2}")
    @CsvSource({
        // On start (nothing run yet): the slot of the hour while its window is open, else the next one.
        "2026-01-05T10:40:00, ,                    2026-01-05T10:05:00",
        "2026-01-05T10:05:00, ,                    2026-01-05T10:05:00",
        "2026-01-05T10:04:59, ,                    2026-01-05T10:05:00",
        "2026-01-05T10:59:59, ,                    2026-01-05T10:05:00",
        // After a run: never the same slot again, the latest open one at once, or the next one.
        "2026-01-05T10:06:00, 2026-01-05T10:05:00, 2026-01-05T11:05:00",
        "2026-01-05T11:15:00, 2026-01-05T10:05:00, 2026-01-05T11:05:00",
        "2026-01-05T12:03:00, 2026-01-05T10:05:00, 2026-01-05T12:05:00",
        "2026-01-05T12:30:00, 2026-01-05T10:05:00, 2026-01-05T12:05:00",
        // A clock set back after a run.
        "2026-01-05T10:03:00, 2026-01-05T10:05:00, 2026-01-05T11:05:00"
    })
    void whatIsDue(String now, String previous, String due) {
        Slot slot = HOURLY.due(instant(now), previous == null ? null : instant(previous));

        assertThat(slot.scheduledAt()).isEqualTo(instant(due));
    }

    @Test
    void secondsDoNotHideTheFiringOfTheirMinute() {
        assertThat(HOURLY.latestAtOrBefore(instant("2026-01-05T10:05:59"))).contains(instant("2026-01-05T10:05:00"));
        assertThat(HOURLY.latestAtOrBefore(instant("2026-01-05T10:04:59"))).contains(instant("2026-01-05T09:05:00"));
    }

    @Test
    void countsTheFiringsBetweenTwoTimes() {
        assertThat(HOURLY.firingsBetween(instant("2026-01-05T10:05:00"), instant("2026-01-05T13:05:00")))
                .isEqualTo(2);
        assertThat(HOURLY.firingsBetween(instant("2026-01-05T10:05:00"), instant("2026-01-05T11:05:00")))
                .isZero();
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "5 * * *     | contains 4 parts",
                "61 * * * *  | Value 61 not in range [0, 59]",
                "5 * * * * * | contains 6 parts",
                "hourly      | contains 1 parts",
                "0 0 30 2 *  | never fires"
            })
    void refusesWhatIsNotAFiveFieldExpressionThatFires(String expression, String reason) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CronSchedule.parse(expression))
                .withMessageStartingWith("'" + expression + "' is ")
                .withMessageContaining(reason);
    }

    private static Instant instant(String timestamp) {
        return Instant.parse(timestamp + "Z");
    }
}
