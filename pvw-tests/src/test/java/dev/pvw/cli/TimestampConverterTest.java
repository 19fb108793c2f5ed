package dev.pvw.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class TimestampConverterTest {
    private final TimestampConverter converter = new TimestampConverter();

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2026-01-02T00:05:00     | 2026-01-02T00:05:00",
                "2026-01-02 00:05:00     | 2026-01-02T00:05:00",
                "2026-01-02T23:59:59     | 2026-01-02T23:59:59",
                "2026-01-02T00:05        | 2026-01-02T00:05:00",
                "2026-01-02              | 2026-01-02T00:00:00",
                "2026-01-02T00:05:00.5   | 2026-01-02T00:05:00.500",
                "2026-01-02 00:05:00.123456 | 2026-01-02T00:05:00.123456",
                "2024-02-29T12:00:00     | 2024-02-29T12:00:00",
            })
    void acceptsIsoLocalTimestamps(String text, LocalDateTime expected) throws Exception {
        assertThat(converter.convert(text)).isEqualTo(expected);
    }

    @Test
    void ignoresSurroundingSpaces() throws Exception {
        assertThat(converter.convert("  2026-01-02 00:05:00 ")).isEqualTo(LocalDateTime.of(2026, 1, 2, 0, 5));
    }

    @ParameterizedTest(name = "refuses ''{0}''")
    @ValueSource(
            strings = {
                "2026-01-02T00:05:00Z",
                "2026-01-02T00:05:00+01:00",
                "2026-01-02T00:05:00-05:00",
                "2026-01-02T00:05:00+01:00[Europe/Paris]",
                "2026-01-02Z",
                "2026-01-02T",
                "2026-02-30",
                "2026-13-01T00:00:00",
                "2026-01-02T24:00:00",
                "02/01/2026",
                "20260102T000500",
                "1767312300",
                "yesterday",
                "",
                "   ",
            })
    void refusesZonesOffsetsAndGarbageWithASentenceNamingTheAcceptedForm(String text) {
        assertThatThrownBy(() -> converter.convert(text))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageStartingWith("'" + text + "' is not a timestamp")
                .hasMessageContaining("2026-01-02T00:05:00")
                .hasMessageContaining("UTC, no zone")
                .hasMessageNotContaining("\n");
    }
}
