package dev.pvw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingNamesTest {
    private final SettingNames names =
            new SettingNames(Map.of("days", "--days", "growthDays", "--growth-days", "moveRate", "--move-rate"));

    @Test
    void settingsBecomeOptionsAsWholeWordsOnly() {
        assertThat(names.inOptions("growthDays must be from 1 to 90, not 0"))
                .isEqualTo("--growth-days must be from 1" + " to 90, not 0");
        assertThat(names.inOptions("days must be from 1 to 60; daysOff and moveRates stay"))
                .isEqualTo("--days must be from 1 to 60; daysOff and moveRates stay");
        assertThat(names.inOptions("moveRate + days")).isEqualTo("--move-rate + --days");
    }
}
