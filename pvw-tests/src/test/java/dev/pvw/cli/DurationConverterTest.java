package dev.pvw.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "2h,      PT2H",
        "26h,     PT26H",
        "90m,     PT1H30M",
        "1h30m,   PT1H30M",
        "1d,      PT24H",
        "45s,     PT45S",
        "' 2H ',  PT2H",
        "PT2H,    PT2H",
        "pt90m,   PT1H30M"
    })
    void readsUnitsAndIso8601(String text, String expected) {
        assertThat(DurationConverter.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "2", "soon", "2 hours", "h", "-1h", "1.5h", "99999999999999999999h", "P"})
    void refusesWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> DurationConverter.parse(text))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("'" + text + "' is not a duration; write it as 90m, 2h, 1h30m or 1d (or ISO-8601, PT2H)");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"0m", "0h0m", "PT0S", "PT-1H"})
    void refusesZeroAndLess(String text) {
        assertThatThrownBy(() -> DurationConverter.parse(text))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("is not more than zero");
    }
}
