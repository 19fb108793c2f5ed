package dev.pvw.cli;

import static dev.pvw.testing.CliSentences.sentenceOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.CliResult;
import dev.pvw.testing.TestingWarehouse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@code pvw schedule} refuses before it starts, and what its help says; neither opens a warehouse. Its runs:
 * SchedulerTest and *ScheduleIT; its stop on SIGTERM: DuckDbScheduleProcessIT.
 */
class ScheduleCommandTest {
    @TempDir
    Path directory;

    @ParameterizedTest(name = "pvw schedule {0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--cron | 5 * * *     | '5 * * *' is not a cron expression (Cron expression contains 4 parts",
                "--cron | 61 * * * *  | '61 * * * *' is not a cron expression (Failed to parse cron expression. Value 61",
                "--cron | 0 0 30 2 *  | '0 0 30 2 *' is a cron expression that never fires",
                "--retry-delay | 0s   | '0s' is not more than zero",
                "--retry-delay | soon | 'soon' is not a duration"
            })
    void aBadOptionIsBadUsageWithOneSentenceAndTouchesNothing(String option, String value, String mentions) {
        CliResult result =
                pvw("--warehouse", "jdbc:duckdb:" + directory.resolve("w.duckdb"), "schedule", option, value);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(sentenceOf(result)).contains(mentions).endsWith("see 'pvw schedule --help' for usage.");
        assertThat(directory.resolve("w.duckdb")).doesNotExist();
    }

    @Test
    void anUnsupportedWarehouseIsRefusedBeforeTheFirstSlot() {
        CliResult result = pvw("--warehouse", "jdbc:mysql://db/pvw", "schedule");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(sentenceOf(result)).contains("jdbc:mysql://db/pvw");
    }

    @Test
    void theHelpTellsTheScheduleRetriesRefusalsAndStop() {
        CliResult help = pvw("schedule", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out().replaceAll("\\s+", " "))
                .startsWith("Usage: pvw schedule")
                .contains(
                        "--cron=EXPRESSION",
                        "default: '5 * * * *', five minutes past every hour",
                        "--retry-delay=DURATION",
                        "(default: 1m)",
                        "as of its scheduled time",
                        "until the next slot or the top of the next hour",
                        "late extract",
                        "exit 3) is logged and not retried",
                        "Runs never overlap",
                        "SIGTERM or SIGINT",
                        "docs/scheduling.md");
    }

    @Test
    void theTopLevelHelpListsSchedule() {
        assertThat(pvw("--help").out()).contains("schedule");
    }

    private CliResult pvw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = Main.commandLine(new CliContext(TestingWarehouse.FIXED_CLOCK, Map.of(), directory));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliResult(exitCode, out.toString(), err.toString());
    }
}
