package dev.pvw.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings of a scenario are checked when made, and districts come most popular first. */
class SimulationSettingsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 1, 10);

    @Test
    void settingsNameTheSettingAndItsLimit() {
        assertThatThrownBy(() -> new SimulationSettings(1, DAY, 3, 5, 60, 50, 0.02, 0.01, 0.005, 0.1, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("users must be from 10 to 100000000, not 5");
        assertThatThrownBy(() -> new SimulationSettings(1, DAY, 3, 100, 60, 50, 1.5, 0.01, 0.005, 0.1, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("moveRate must be from 0 to 1, not 1.5");
        assertThatThrownBy(() -> new SimulationSettings(1, DAY, 3, 100, 20_000, 50, 0.02, 0.01, 0.005, 0.1, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pageviewsPerDay must be from 1 to 10000 (100 per user), not 20000");
        assertThatThrownBy(() -> new SimulationSettings(1, DAY, 3, 100, 60, 3_001, 0.02, 0.01, 0.005, 0.1, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("districts must be from 2 to 3000, not 3001");
        assertThatThrownBy(() -> new SimulationSettings(1, DAY, 0, 100, 60, 50, 0.02, 0.01, 0.005, 0.1, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("days must be from 1 to 366, not 0");
    }

    @Test
    void theDemoIsThreeDaysBeforeItsClosingDay() {
        SimulationSettings demo = SimulationSettings.demoClosingOn(DAY);

        assertThat(demo.firstDay()).isEqualTo(DAY.minusDays(3));
        assertThat(demo.closingDay()).isEqualTo(DAY);
        assertThat(demo.pageviewsPerUserPerDay()).isEqualTo(12);
        assertThat(demo.withSeed(7).seed()).isEqualTo(7);
    }

    @Test
    void districtsAreAFewThousandRealLookingOnesMostPopularFirst() {
        List<String> districts = PostcodeDistricts.mostPopular(PostcodeDistricts.MAX_DISTRICTS);

        assertThat(new HashSet<>(districts)).hasSize(PostcodeDistricts.MAX_DISTRICTS);
        assertThat(districts.subList(0, PostcodeDistricts.POPULAR.size())).isEqualTo(PostcodeDistricts.POPULAR);
        assertThat(districts).allMatch(district -> district.matches("[A-Z]{1,2}[0-9]{1,2}"));
        assertThat(PostcodeDistricts.mostPopular(3)).containsExactly("SW19", "E14", "N1");
        assertThatThrownBy(() -> PostcodeDistricts.mostPopular(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
