package dev.pvw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.CliResult;
import dev.pvw.testing.CommittedState;
import dev.pvw.testing.FastTierSample;
import dev.pvw.testing.SparkTestingEngine;
import dev.pvw.testing.TestingEngine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Killed and concurrent runs on Spark with Iceberg tables (SPEC section 5): a run writes every table on a branch of its
 * own and publishes them one by one at its end, so a run killed before publishing leaves every table as it was, and one
 * killed while publishing leaves each table as it was before or after the run, until the next command that writes
 * finishes the publishing. Each process starts Spark, which takes tens of seconds: the fast tier runs the kill while
 * publishing; the full tier runs every scenario (a kill at each step before publishing among them).
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
@FastTierSample("aRunKilledWhilePublishingLeavesEachTableAsBeforeOrAfterItAndTheNextCommandThatWritesFinishesIt")
class SparkKillIT extends AbstractKillIT {
    @Override
    TestingEngine engine() {
        return SparkTestingEngine.SPARK;
    }

    /** Any run takes seconds on Spark: the small template's batch is enough to catch one mid-way. */
    @Override
    long volumeBatchRows() {
        return SMALL_BATCH_ROWS;
    }

    @Override
    Pattern waitingLine() {
        return Pattern.compile("is in use by another run; waiting up to 60 s");
    }

    @Override
    String anotherRunSentenceStart(String url) {
        return "Another run is using warehouse " + url;
    }

    /** The operating-system lock on {@code DIR/run.lock} that a run on {@code spark:local:DIR} takes. */
    @Override
    AutoCloseable holdRunLock(String url) throws Exception {
        return SparkTestingEngine.holdRunLock(url);
    }

    /** No file the paused run writes may grow: the data and metadata files of Iceberg's next commits. */
    @Override
    void fillTheDisk(PvwProcess run, String url) throws Exception {
        FileSizeLimit.apply(run.pid(), 0);
    }

    /** Spark has no generate_series; its range ends before the second argument. */
    @Override
    String numbers(long first, long last) {
        return "range(" + first + ", " + (last + 1) + ") AS numbers(i)";
    }

    /** Spark's VARCHAR needs a length. */
    @Override
    String textType() {
        return "STRING";
    }

    @Override
    PvwProcess startPvw(String name, List<String> jvmOptions, String... args) {
        return PvwProcess.startSpark(directory, name, jvmOptions, args);
    }

    /** A process starts Spark before it does anything, and plans each statement as it goes. */
    @Override
    Duration stepTimeout() {
        return Duration.ofMinutes(5);
    }

    @Test
    void aRunKilledWhilePublishingLeavesEachTableAsBeforeOrAfterItAndTheNextCommandThatWritesFinishesIt()
            throws Exception {
        CommittedState before = CommittedState.of(warehouse);

        try (PvwProcess run = startPvw("killed-publishing", pauseAt("publishing", null), runArgs(SECOND_RUN_AS_OF))) {
            // The hook holds the run after its first table is published, the rest not yet.
            run.awaitLine(Pattern.compile("Test hook: paused at publishing$"), stepTimeout());
            run.kill();

            assertThat(run.waitFor(stepTimeout())).as(run.describe()).isEqualTo(PvwProcess.KILLED_EXIT_CODE);
        }

        CommittedState killed = CommittedState.of(warehouse);
        assertThat(killed).as("published in part").isNotEqualTo(before);
        assertThat(runOutcomes()).as("the run log is published last").containsExactly("succeeded", "running");

        CliResult init = warehouse.pvw("init");

        assertThat(init.exitCode()).as(init.toString()).isZero();
        CommittedState after = CommittedState.of(warehouse);
        // The marts and the checks below show that "after" is the run's whole work, so no separate run is needed.
        killed.tables().forEach((table, rows) -> assertThat(rows)
                .as("%s as before or after the run", table)
                .isIn(before.tables().get(table), after.tables().get(table)));
        assertThat(killed).as("part-way through publishing").isNotEqualTo(after);
        assertThat(after.facts()).isEqualTo(FIRST_BATCH_ROWS + secondBatchRows);
        assertThat(runOutcomes()).containsExactly("succeeded", "succeeded");
        assertThat(warehouse.currentMart()).isEqualTo(expectedMart(CURRENT_POSTCODE));
        assertThat(warehouse.atViewMart()).isEqualTo(expectedMart(POSTCODE_AT_VIEW));
        assertThat(warehouse.query("SELECT name FROM core.pageview_fact.refs", rs -> rs.getString(1)))
                .as("the run's branch is gone once published")
                .containsExactly("main");
        CliResult checked = warehouse.pvw("check", "--full");
        assertThat(checked.exitCode()).as(checked.toString()).isZero();
    }
}
