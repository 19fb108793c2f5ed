package dev.pvw.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckReportTest {
    @Test
    void aFailedCheckSaysItsFirstProblemAndHowManyMoreThereAre() {
        assertThat(failed(false, "a").summary()).isEqualTo("a");
        assertThat(failed(false, "a", "b", "c").summary()).isEqualTo("a (and 2 more)");
        assertThat(failed(true, "a", "b", "c", "d", "e").summary()).isEqualTo("a (and at least 5 more)");
    }

    @Test
    void aFailedCheckNamesAProblem() {
        assertThatThrownBy(() -> new CheckResult.Failed(Check.MART_KEYS, List.of(), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFailureClauseNamesTheFirstFailedCheckAndTheOthersInOrder() {
        CheckReport report = new CheckReport(
                "everything",
                List.of(
                        new CheckResult.Passed(Check.HISTORY_OVERLAP),
                        new CheckResult.Failed(Check.MART_TOTALS, List.of("hour 10 is off"), false),
                        new CheckResult.Failed(Check.CURRENT_POSTCODES, List.of("B is off"), true),
                        new CheckResult.Failed(Check.AT_VIEW_POSTCODES, List.of("C is off"), false)),
                Duration.ofMillis(5));

        assertThat(report.passed()).isFalse();
        assertThat(report.failureClause())
                .isEqualTo("check mart_totals failed: hour 10 is off, and so did current_postcodes, at_view_postcodes");
    }

    @Test
    void aReportWithoutFailuresPassesAndHasNoFailureClause() {
        CheckReport report =
                new CheckReport("everything", List.of(new CheckResult.Passed(Check.MART_KEYS)), Duration.ZERO);

        assertThat(report.passed()).isTrue();
        assertThatThrownBy(report::failureClause).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyCheckHasADistinctLowerCaseName() {
        assertThat(List.of(Check.values()))
                .extracting(Check::checkName)
                .doesNotHaveDuplicates()
                .allMatch(name -> name.matches("[a-z_]+"));
        for (Check check : Check.values()) {
            assertThat(Check.named(check.checkName())).isSameAs(check);
        }
    }

    private static CheckResult.Failed failed(boolean more, String... problems) {
        return new CheckResult.Failed(Check.HISTORY_HOLE, List.of(problems), more);
    }
}
