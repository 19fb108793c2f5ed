package dev.pvw.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvw.PvwException;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuarantineRetentionTest {
    @Test
    void keepsRowsForNinetyDaysByDefault() {
        assertThat(QuarantineRetention.DEFAULT.days()).isEqualTo(90);
        assertThat(QuarantineRetention.DEFAULT.cutoff(LocalDateTime.parse("2026-04-01T12:00")))
                .isEqualTo(LocalDateTime.parse("2026-01-01T12:00"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 36_500})
    void acceptsOneDayToAHundredYears(int days) {
        assertThat(new QuarantineRetention(days).days()).isEqualTo(days);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 36_501})
    void refusesAnythingElseAsBadUsageNamingTheOptionAndItsLimits(int days) {
        assertThatThrownBy(() -> new QuarantineRetention(days))
                .isInstanceOf(PvwException.class)
                .hasMessage("--quarantine-retention-days must be between 1 and 36500, not " + days + ".")
                .extracting(e -> ((PvwException) e).code())
                .isEqualTo(PvwException.ErrorCode.USAGE);
    }
}
