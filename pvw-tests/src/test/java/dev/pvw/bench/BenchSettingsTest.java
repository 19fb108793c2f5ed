package dev.pvw.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The benchmark's settings: scales of the brief, checkpoints of growth, and limits named with their setting. */
class BenchSettingsTest {
    @Test
    void theBriefsScaleIsTwentyMillionUsersAndAHundredMillionPageviewsADay() {
        BenchSettings settings = settings(1, 0.1, 28);

        assertThat(settings.briefScenario().users()).isEqualTo(20_000_000);
        assertThat(settings.briefScenario().pageviewsPerDay()).isEqualTo(100_000_000);
        assertThat(settings.growthScenario().users()).isEqualTo(2_000_000);
        assertThat(settings.growthScenario().pageviewsPerDay()).isEqualTo(10_000_000);
        assertThat(settings.growthScenario().days()).isEqualTo(28);
        assertThat(settings.briefScenario().moveRate()).isEqualTo(0.01);
        assertThat(settings.briefScenario().newUserRate()).isEqualTo(0.005);
        assertThat(settings.briefScenario().deleteRate()).isEqualTo(0.001);
    }

    @Test
    void growthIsReportedAfterOneSevenAndTwentyEightDaysOrTheLastDayReached() {
        assertThat(settings(1, 0.1, 28).growthCheckpoints()).containsExactly(1, 7, 28);
        assertThat(settings(1, 0.1, 40).growthCheckpoints()).containsExactly(1, 7, 28, 40);
        assertThat(settings(1, 0.1, 10).growthCheckpoints()).containsExactly(1, 7, 10);
        assertThat(settings(1, 0.1, 1).growthCheckpoints()).containsExactly(1);
    }

    @Test
    void tinyScalesStillMakeAScenario() {
        BenchSettings settings = settings(1e-7, 1e-8, 2);

        assertThat(settings.briefScenario().users()).isEqualTo(10);
        assertThat(settings.growthScenario().pageviewsPerDay()).isEqualTo(24);
    }

    @Test
    void limitsNameTheSetting() {
        assertThatThrownBy(() -> settings(0, 0.1, 28)).hasMessage("scale must be above 0 and at most 10, not 0.0");
        assertThatThrownBy(() -> settings(1, 0.1, 0)).hasMessage("growthDays must be from 1 to 90, not 0");
        assertThatThrownBy(() ->
                        new BenchSettings(1, 0.1, 1, 28, 5, 1, Path.of("/data"), Path.of("/out"), "4 GB; DROP", false))
                .hasMessage("memoryLimit must be a size such as 4GB or 512MB, not '4 GB; DROP'");
        assertThatThrownBy(() -> new BenchSettings(1, 0.1, 1, 28, 5, 1, Path.of("/a;b"), Path.of("/out"), "4GB", false))
                .hasMessageStartingWith("dataDirectory must not contain ';'");
    }

    @Test
    void aServerIsGivenForPostgresqlAndOnlyForIt() {
        Path data = Path.of("/data");
        Path out = Path.of("/out");
        java.util.Optional<dev.pvw.warehouse.WarehouseUrl> server =
                java.util.Optional.of(dev.pvw.warehouse.WarehouseUrl.parse("jdbc:postgresql://localhost/postgres"));

        assertThat(new BenchSettings(1, 0.1, 1, 28, 5, 1, data, out, "4GB", false, BenchEngine.POSTGRESQL, server)
                        .engine())
                .isEqualTo(BenchEngine.POSTGRESQL);
        assertThat(new BenchSettings(1, 0.1, 1, 28, 5, 1, data, out, "4GB", false).engine())
                .isEqualTo(BenchEngine.DUCKDB);
        assertThatThrownBy(() -> new BenchSettings(
                        1,
                        0.1,
                        1,
                        28,
                        5,
                        1,
                        data,
                        out,
                        "4GB",
                        false,
                        BenchEngine.POSTGRESQL,
                        java.util.Optional.empty()))
                .hasMessage("server is given for the engine postgresql, and only for it");
        assertThatThrownBy(() ->
                        new BenchSettings(1, 0.1, 1, 28, 5, 1, data, out, "4GB", false, BenchEngine.SPARK, server))
                .hasMessage("server is given for the engine postgresql, and only for it");
    }

    private static BenchSettings settings(double scale, double growthScale, int growthDays) {
        return new BenchSettings(
                scale, growthScale, 1, growthDays, 5, 1, Path.of("/data"), Path.of("/out"), "4GB", false);
    }
}
