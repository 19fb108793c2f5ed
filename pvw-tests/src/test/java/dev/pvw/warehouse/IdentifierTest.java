package dev.pvw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierTest {
    @ParameterizedTest(name = "accepts {0}")
    @ValueSource(
            strings = {
                "pageview_fact",
                "core.pageview_fact",
                "mart.pageviews_hourly_by_current_postcode",
                "pvw_delta_current",
                "_work",
                "raw._extract2",
                "t1",
                "a",
            })
    void acceptsPlainLowerCaseNamesWithAtMostOneDot(String name) {
        Identifier identifier = new Identifier(name);

        assertThat(identifier.sql()).isEqualTo(name);
        assertThat(identifier).hasToString(name);
    }

    @Test
    void acceptsNamesUpToSixtyThreeCharactersPerPart() {
        String longest = "a".repeat(63);

        assertThat(new Identifier(longest + "." + longest).sql()).isEqualTo(longest + "." + longest);
    }

    @ParameterizedTest(name = "refuses [{0}]")
    @ValueSource(
            strings = {
                "\"core\".\"runs\"",
                "core.\"runs\"",
                "runs\"",
                "'runs'",
                "`runs`",
                "core.runs; DROP TABLE core.runs",
                "runs;",
                "runs --",
                "core runs",
                " runs",
                "runs ",
                "core. runs",
                "Runs",
                "core.Runs",
                "CORE.RUNS",
                "a.b.c",
                "core..runs",
                ".runs",
                "runs.",
                "1runs",
                "core.1runs",
                "pageview-fact",
                "runs()",
                "runs\n",
                "rüns",
                "",
            })
    void refusesAnythingButAPlainName(String name) {
        assertThatThrownBy(() -> new Identifier(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + name + "'")
                .hasMessageContaining("not a plain name");
    }

    @Test
    void refusesAPartLongerThanSixtyThreeCharacters() {
        assertThatThrownBy(() -> new Identifier("a".repeat(64))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Identifier("core." + "a".repeat(64))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> new Identifier(null)).isInstanceOf(NullPointerException.class);
    }
}
