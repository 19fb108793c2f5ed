package dev.pvw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "jdbc:postgresql://db/pvw?password=Hunter2",
                "jdbc:postgresql://db/pvw?user=pvw&password=Hunter2&ssl=true",
                "jdbc:postgresql://db/pvw?user=pvw&PASSWORD=Hunter2",
                "jdbc:postgresql://pvw:Hunter2@db:5432/pvw",
                "jdbc:duckdb:/data/w.duckdb;password=Hunter2",
                "jdbc:duckdb:/data/w.duckdb?password=Hunter2",
                "--warehouse=jdbc:postgresql://pvw:Hunter2@db/pvw",
            })
    void findsThePasswordOfAUrlArgumentAndBlanksItEverywhere(String arg) {
        Secrets secrets = Secrets.in(List.of("--warehouse", arg, "run"), Map.of());

        assertThat(secrets.scrub("Cannot open file \"/data/w.duckdb?password=Hunter2\": Hunter2 again"))
                .isEqualTo("Cannot open file \"/data/w.duckdb?password=***\": *** again");
    }

    @Test
    void findsThePasswordsOfTheEnvironment() {
        Secrets secrets = Secrets.in(
                List.of("status"),
                Map.of("PVW_WAREHOUSE", "jdbc:postgresql://pvw:FromUrl@db/pvw", "PGPASSWORD", "FromVariable"));

        assertThat(secrets.scrub("FromUrl and FromVariable")).isEqualTo("*** and ***");
    }

    @Test
    void blanksAPercentEncodedPasswordAsWrittenAndAsTheDriverDecodesIt() {
        Secrets secrets = Secrets.in(List.of("jdbc:postgresql://db/pvw?password=p%40ss%3Bword"), Map.of());

        assertThat(secrets.scrub("p%40ss%3Bword / p@ss;word")).isEqualTo("*** / ***");
    }

    @Test
    void blanksALongerPasswordWholeWhenItContainsAShorterOne() {
        Secrets secrets = Secrets.in(List.of("jdbc:postgresql://pvw:abc@db/pvw?password=abcdef"), Map.of());

        assertThat(secrets.scrub("abcdef")).isEqualTo("***");
    }

    @Test
    void leavesTextAloneWhenNoPasswordWasGiven() {
        Secrets secrets = Secrets.in(
                List.of("--warehouse", "jdbc:postgresql://pvw@db/pvw?user=pvw", "run"), Map.of("HOME", "/root"));
        String message = "Cannot open warehouse jdbc:postgresql://pvw@db/pvw?user=pvw: connection refused.";

        assertThat(secrets.scrub(message)).isEqualTo(message);
    }
}
