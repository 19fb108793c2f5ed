package dev.pvw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WarehouseUrlTest {
    private static final String PASSWORD = "s3cr3t-Pw";

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "jdbc:duckdb:warehouse.duckdb, DUCKDB",
        "jdbc:duckdb:/var/lib/pvw/warehouse.duckdb, DUCKDB",
        "jdbc:duckdb:, DUCKDB",
        "jdbc:postgresql://localhost:5432/pvw?user=pvw, POSTGRESQL",
        "jdbc:postgresql://db.example.com/pvw, POSTGRESQL",
        "jdbc:postgresql:pvw, POSTGRESQL",
    })
    void parsesEachSupportedUrlToItsEngine(String url, String engine) {
        WarehouseUrl parsed = WarehouseUrl.parse(url);

        assertThat(parsed.engine()).isEqualTo(engine.toLowerCase(java.util.Locale.ROOT));
        assertThat(parsed.value()).isEqualTo(url);
    }

    @Test
    void stripsSurroundingSpaces() {
        assertThat(WarehouseUrl.parse("  jdbc:duckdb:w.duckdb \n").value()).isEqualTo("jdbc:duckdb:w.duckdb");
    }

    @Test
    void theDefaultIsADuckDbFileInTheWorkingDirectory() {
        WarehouseUrl url = WarehouseUrl.parse(WarehouseUrl.DEFAULT);

        assertThat(url.engine()).isEqualTo("duckdb");
        assertThat(url.value()).isEqualTo("jdbc:duckdb:warehouse.duckdb");
    }

    @ParameterizedTest(name = "refuses ''{0}''")
    @ValueSource(
            strings = {
                "jdbc:mysql://localhost/pvw",
                "jdbc:sqlite:warehouse.db",
                "duckdb:warehouse.duckdb",
                "warehouse.duckdb",
                "postgresql://localhost/pvw",
                "JDBC:DUCKDB:warehouse.duckdb",
            })
    void refusesAnUnknownUrlAsBadUsageNamingTheAcceptedForms(String url) {
        assertThatThrownBy(() -> WarehouseUrl.parse(url))
                .isInstanceOfSatisfying(
                        PvwException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessageContaining("jdbc:duckdb:PATH")
                .hasMessageContaining("jdbc:postgresql://HOST:PORT/DB");
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {"", "   "})
    void refusesAnEmptyUrlAsBadUsage(String url) {
        assertThatThrownBy(() -> WarehouseUrl.parse(url))
                .isInstanceOfSatisfying(
                        PvwException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessageContaining(WarehouseUrl.DEFAULT);
    }

    @Test
    void refusesNoUrlAsBadUsage() {
        assertThatThrownBy(() -> WarehouseUrl.parse(null))
                .isInstanceOfSatisfying(
                        PvwException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "jdbc:postgresql://db:5432/pvw?password=" + PASSWORD + " | jdbc:postgresql://db:5432/pvw?password=***",
                "jdbc:postgresql://db:5432/pvw?user=pvw&password=" + PASSWORD
                        + " | jdbc:postgresql://db:5432/pvw?user=pvw&password=***",
                "jdbc:postgresql://db:5432/pvw?user=pvw&password=" + PASSWORD + "&ssl=true"
                        + " | jdbc:postgresql://db:5432/pvw?user=pvw&password=***&ssl=true",
                "jdbc:postgresql://db:5432/pvw?user=pvw&PASSWORD=" + PASSWORD
                        + " | jdbc:postgresql://db:5432/pvw?user=pvw&PASSWORD=***",
                "jdbc:postgresql://pvw:" + PASSWORD + "@db:5432/pvw" + " | jdbc:postgresql://pvw:***@db:5432/pvw",
                "jdbc:postgresql://pvw:" + PASSWORD + "@db/pvw?ssl=true"
                        + " | jdbc:postgresql://pvw:***@db/pvw?ssl=true",
                "jdbc:postgresql://pvw:" + PASSWORD + "@db/pvw?password=" + PASSWORD
                        + " | jdbc:postgresql://pvw:***@db/pvw?password=***",
                "jdbc:duckdb:/data/w.duckdb;password=" + PASSWORD + " | jdbc:duckdb:/data/w.duckdb;password=***",
            })
    void redactedHidesThePasswordAndKeepsTheRest(String url, String expected) {
        WarehouseUrl parsed = WarehouseUrl.parse(url);

        assertThat(parsed.redacted()).isEqualTo(expected).doesNotContain(PASSWORD);
        assertThat(parsed.toString()).isEqualTo(expected);
        assertThat("warehouse " + parsed).doesNotContain(PASSWORD);
        assertThat(parsed.value()).as("the driver still gets the password").contains(PASSWORD);
    }

    @Test
    void aUrlWithoutPasswordIsPrintedAsGiven() {
        String url = "jdbc:postgresql://db:5432/pvw?user=pvw&ssl=true";

        assertThat(WarehouseUrl.parse(url).redacted()).isEqualTo(url);
        assertThat(WarehouseUrl.parse("jdbc:postgresql://pvw@db/pvw").redacted())
                .isEqualTo("jdbc:postgresql://pvw@db/pvw");
    }

    @Test
    void theRefusalOfAnUnknownUrlHidesItsPassword() {
        assertThatThrownBy(() -> WarehouseUrl.parse("jdbc:mysql://pvw:" + PASSWORD + "@db/pvw?password=" + PASSWORD))
                .isInstanceOf(PvwException.class)
                .hasMessageNotContaining(PASSWORD)
                .hasMessageContaining("jdbc:mysql://pvw:***@db/pvw?password=***");
    }
}
