package dev.pvw.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.MartRow;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison that decides whether a mart matches the model: it must see every kind of difference. */
class MartDifferencesTest {
    private static final LocalDateTime TEN = LocalDateTime.parse("2026-03-01T10:00");
    private static final LocalDateTime ELEVEN = LocalDateTime.parse("2026-03-01T11:00");

    @Test
    void sameRowsInAnyOrderDoNotDiffer() {
        List<MartRow> rows =
                List.of(new MartRow(TEN, null, 2), new MartRow(TEN, "AB1 2CD", 1), new MartRow(ELEVEN, "AB1 2CD", 3));

        assertThat(MartDifferences.between(rows, List.of(rows.get(2), rows.get(0), rows.get(1))))
                .isEmpty();
    }

    @Test
    void missingExtraWrongAndRepeatedRowsEachGiveALine() {
        List<MartRow> expected =
                List.of(new MartRow(TEN, null, 2), new MartRow(TEN, "AB1 2CD", 1), new MartRow(ELEVEN, "EF3 4GH", 3));
        List<MartRow> actual = List.of(
                new MartRow(TEN, "AB1 2CD", 4),
                new MartRow(ELEVEN, "EF3 4GH", 3),
                new MartRow(ELEVEN, "EF3 4GH", 3),
                new MartRow(ELEVEN, "JK5 6LM", 0));

        assertThat(MartDifferences.between(expected, actual))
                .containsExactly(
                        "2026-03-01T10:00 (unknown) expected 2, actual no row",
                        "2026-03-01T10:00 AB1 2CD   expected 1, actual 4",
                        "2026-03-01T11:00 EF3 4GH   expected 3, actual [3, 3] (repeated rows)",
                        "2026-03-01T11:00 JK5 6LM   expected no row, actual 0");
    }
}
