package dev.pvw.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PostcodesTest {
    @ParameterizedTest(name = "[{0}] is [{1}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "sw1a 1aa|SW1A 1AA",
                "'  n1  '|N1",
                "Ab1|AB1",
                "ñw1 ßé|ñW1 ßé",
                "ωmega|ωMEGA",
            })
    void trimsBlanksAndUpperCasesAToZOnly(String postcode, String normalised) {
        assertThat(Postcodes.normalise(postcode)).isEqualTo(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\tn1\r\n", "\n\n n1 \t"})
    void trimsTabsLineFeedsAndCarriageReturns(String postcode) {
        assertThat(Postcodes.normalise(postcode)).isEqualTo("N1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab\u0007c", "\u00a0ab\u00a0", "a\u001b[0mb"})
    void keepsControlCharactersAndOtherSpacesInside(String postcode) {
        assertThat(Postcodes.normalise(postcode))
                .isEqualTo(postcode.replace('a', 'A')
                        .replace('b', 'B')
                        .replace('c', 'C')
                        .replace('m', 'M'));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\r\n "})
    void aNullEmptyOrBlankPostcodeIsUnknown(String postcode) {
        assertThat(Postcodes.normalise(postcode)).isNull();
    }
}
