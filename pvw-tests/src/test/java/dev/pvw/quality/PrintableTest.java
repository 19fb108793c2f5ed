package dev.pvw.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void escapesControlCharactersAndLeavesEverythingElse() {
        assertThat(Printable.text("AB\u0007C")).isEqualTo("AB\\u0007C");
        assertThat(Printable.text("\u001b[31mred")).isEqualTo("\\u001B[31mred");
        assertThat(Printable.text("line\nbreak\u2028")).isEqualTo("line\\u000Abreak\\u2028");
        assertThat(Printable.text("ñW1 ßé 日本\u00a0")).isEqualTo("ñW1 ßé 日本\u00a0");
        assertThat(Printable.text(null)).isNull();
    }

    @Test
    void quotesPostcodesAndNamesTheUnknownOne() {
        assertThat(Printable.postcode("SW1")).isEqualTo("'SW1'");
        assertThat(Printable.postcode("A\tB")).isEqualTo("'A\\u0009B'");
        assertThat(Printable.postcode(null)).isEqualTo("(unknown)");
    }
}
