package dev.pvw.cli;

import static dev.pvw.testing.CliSentences.sentenceOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pvw.testing.CliResult;
import dev.pvw.testing.CommittedState;
import dev.pvw.testing.MartRow;
import dev.pvw.testing.TestTier;
import dev.pvw.testing.TestingEngine;
import dev.pvw.testing.TestingWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC section 4, last bullet, with the real executable in processes of its own: a run killed part-way leaves the
 * warehouse as it was and the next run completes the work; two runs at once never corrupt the warehouse.
 *
 * <p>Every scenario starts from a copy of a warehouse prepared for the class: a committed run (a batch of 10,000
 * pageviews on 2026-01-05), then a users extract in which every user moved and a batch of pageviews on 2026-01-06
 * landed. Most scenarios hold the run at an exact point with the test hook, so 2,000 users and a small second batch
 * do; those that catch a run mid-way by timing, fill its disk or starve its memory take a copy of a second template of
 * 20,000 users whose batch is large enough on the engine that a run takes seconds (in the full tier, every scenario
 * does).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@TestInstance(Lifecycle.PER_CLASS)
abstract class AbstractKillIT {
    /** Users of the small template, which a run held by the test hook needs no more of. */
    private static final int SMALL_USERS = 2_000;

    private static final int VOLUME_USERS = 20_000;
    private static final int POSTCODES = 40;
    static final long FIRST_BATCH_ROWS = 10_000;
    /** The second batch of the small template: a run held by the test hook needs no more. */
    static final long SMALL_BATCH_ROWS = 5_000;

    private static final String FIRST_HOUR = "2026-01-05 00:00:00";
    private static final String SECOND_HOUR = "2026-01-06 00:00:00";
    private static final String FIRST_RUN_AS_OF = "2026-01-05T01:00:00";
    static final String SECOND_RUN_AS_OF = "2026-01-06T01:00:00";

    /** SPEC section 3: every pageview under the user's latest postcode. */
    static final String CURRENT_POSTCODE = "after_move.postcode";

    /** SPEC section 3: the postcode of the snapshot effective at the view; the move is effective 2026-01-06. */
    static final String POSTCODE_AT_VIEW = "CASE WHEN v.pageview_datetime < TIMESTAMP '" + SECOND_HOUR
            + "' THEN before_move.postcode ELSE after_move.postcode END";

    static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern RUN_STARTED = Pattern.compile("Run \\d+ started");
    private static final Pattern ATTRIBUTING_BATCH = Pattern.compile("Attributing pageviews of batch");

    /** Pageviews in the second batch of the warehouse the test works on. */
    long secondBatchRows;

    /** Users of the warehouse the test works on. */
    private int users;

    TestingWarehouse template;
    private TestingWarehouse volumeTemplate;
    private Path volumeDirectory;
    Path directory;
    TestingWarehouse warehouse;
    /** The template {@link #warehouse} is a copy of, for a test that compares it with a run left alone. */
    TestingWarehouse source;

    abstract TestingEngine engine();

    /** Pageviews in the second batch of the volume template: enough that a run on this engine takes seconds. */
    abstract long volumeBatchRows();

    /** What a run that may wait logs when another run holds the warehouse; each engine waits on a lock of its own. */
    abstract Pattern waitingLine();

    /** Holds the lock a run takes on this engine until closed, as a run still at work would. */
    abstract AutoCloseable holdRunLock(String url) throws Exception;

    /** How the sentence of a run that may not wait begins. */
    abstract String anotherRunSentenceStart(String url);

    @BeforeAll
    void commitAFirstRunAndLandASecondExtract(@TempDir Path templateDirectory) throws Exception {
        template = TestingWarehouse.initialized(engine(), Files.createDirectory(templateDirectory.resolve("small")));
        prepare(template, SMALL_USERS, SMALL_BATCH_ROWS);
        volumeDirectory = Files.createDirectory(templateDirectory.resolve("volume"));
    }

    @BeforeEach
    void copyThePreparedWarehouse(@TempDir Path testDirectory) {
        directory = testDirectory;
        secondBatchRows = 0;
        if (TestTier.full()) {
            useTheVolumeTemplate();
            return;
        }
        secondBatchRows = SMALL_BATCH_ROWS;
        users = SMALL_USERS;
        source = template;
        warehouse = template.copyInto(directory);
    }

    /**
     * For a scenario that needs a run to take seconds: the test's warehouse becomes a copy of the volume template,
     * prepared on first use.
     */
    void useTheVolumeTemplate() {
        if (secondBatchRows == volumeBatchRows()) {
            return;
        }
        if (volumeTemplate == null) {
            volumeTemplate = TestingWarehouse.initialized(engine(), volumeDirectory);
            prepare(volumeTemplate, VOLUME_USERS, volumeBatchRows());
        }
        try {
            warehouse = volumeTemplate.copyInto(Files.createDirectories(directory.resolve("volume")));
            source = volumeTemplate;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        secondBatchRows = volumeBatchRows();
        users = VOLUME_USERS;
    }

    @Test
    void aRunKilledPartWayLeavesTheWarehouseAsItWasAndTheNextRunCompletesIt() throws Exception {
        // Caught by timing, not by the test hook: the run must take seconds.
        useTheVolumeTemplate();
        CommittedState before = CommittedState.of(warehouse);
        assertThat(before.facts()).isEqualTo(FIRST_BATCH_ROWS);

        try (PvwProcess run = startPvw("killed", List.of(), runArgs(SECOND_RUN_AS_OF))) {
            // By this line the users snapshot has rewritten history and fact, and the batch is being counted.
            run.awaitLine(ATTRIBUTING_BATCH, stepTimeout());
            run.kill();
            int exitCode = run.waitFor(stepTimeout());

            assertThat(exitCode)
                    .as("died by SIGKILL, not a normal exit\n" + run.describe())
                    .isEqualTo(PvwProcess.KILLED_EXIT_CODE);
            assertThat(run.stderr()).contains("Re-attributing pageviews").doesNotContain("succeeded", "failed");
        }

        assertThat(CommittedState.of(warehouse)).isEqualTo(before);
        assertThat(runOutcomes()).containsExactly("succeeded", "running");
        assertTheNextRunCompletesTheWork("interrupted");
    }

    /** The points of a run where the test hook can hold it (TestPause in the pipeline), in the order a run passes. */
    static final List<String> PAUSE_POINTS = List.of("started", "users", "pageviews", "marts", "finished");

    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(strings = {"started", "users", "pageviews", "marts", "finished"})
    void aRunKilledAtAnyPointLeavesTheWarehouseAsItWasAndTheNextRunCompletesIt(String point) throws Exception {
        assertThat(PAUSE_POINTS).contains(point);
        CommittedState before = CommittedState.of(warehouse);

        try (PvwProcess run = startPvw("killed-at-" + point, pauseAt(point, null), runArgs(SECOND_RUN_AS_OF))) {
            run.awaitLine(Pattern.compile("Test hook: paused at " + point + "$"), stepTimeout());
            run.kill();

            assertThat(run.waitFor(stepTimeout())).as(run.describe()).isEqualTo(PvwProcess.KILLED_EXIT_CODE);
        }

        assertThat(CommittedState.of(warehouse)).isEqualTo(before);
        assertThat(runOutcomes()).containsExactly("succeeded", "running");
        assertTheNextRunCompletesTheWork("interrupted");
    }

    @Test
    void aRunThatRunsOutOfDiskSpaceMidWayFailsWithOneSentenceAndTheNextRunCompletesIt() throws Exception {
        assumeTrue(FileSizeLimit.available(), "prlimit (util-linux) limits a running process's file size");
        // The batch must outgrow the file as it is, whatever room the engine keeps in it.
        useTheVolumeTemplate();
        CommittedState before = CommittedState.of(warehouse);
        Path resume = directory.resolve("resume");

        try (PvwProcess run = startPvw("disk-full", pauseAt("users", resume), runArgs(SECOND_RUN_AS_OF))) {
            run.awaitLine(Pattern.compile("Test hook: paused at users$"), stepTimeout());
            // From here on no file the run writes can grow: the users step is done, the large batch is not.
            fillTheDisk(run, warehouse.url());
            Files.createFile(resume);

            assertThat(run.waitFor(stepTimeout())).as(run.describe()).isEqualTo(ExitCodes.FAILURE);
            assertThat(sentenceOf(run.stderr(), run.describe()))
                    .startsWith("The warehouse ran out of space during sql/")
                    .contains("File too large")
                    .contains("so nothing of the unfinished transaction was kept")
                    .endsWith("then run the command again.");
        }

        assertThat(CommittedState.of(warehouse)).isEqualTo(before);
        assertTheNextRunCompletesTheWork(runOutcomes().get(1));
    }

    @Test
    void aRunThatMayNotWaitFailsWithOneSentenceWhileAnotherHoldsTheWarehouse() throws Exception {
        CommittedState before = CommittedState.of(warehouse);
        try (AutoCloseable held = holdRunLock(warehouse.url());
                PvwProcess refused = startPvw("refused", List.of(), runArgs("--lock-wait", "0", SECOND_RUN_AS_OF))) {
            assertThat(refused.waitFor(stepTimeout())).as(refused.describe()).isEqualTo(ExitCodes.FAILURE);
            assertThat(sentenceOf(new CliResult(ExitCodes.FAILURE, refused.stdout(), refused.stderr())))
                    .startsWith(anotherRunSentenceStart(warehouse.url()))
                    .contains("try again when it has finished")
                    .contains("--lock-wait");
        }

        assertThat(CommittedState.of(warehouse))
                .as("nothing of the refused run")
                .isEqualTo(before);
        assertThat(runOutcomes()).as("the refused run never got in").containsExactly("succeeded");
        warehouse.run(SECOND_RUN_AS_OF, 0);
        assertThat(CommittedState.of(warehouse).facts()).isEqualTo(FIRST_BATCH_ROWS + secondBatchRows);
        assertThat(warehouse.currentMart()).isEqualTo(expectedMart(CURRENT_POSTCODE));
        assertThat(warehouse.atViewMart()).isEqualTo(expectedMart(POSTCODE_AT_VIEW));
    }

    @Test
    void aRunThatMayWaitWaitsWhileAnotherHoldsTheWarehouseThenCompletesAsIfAlone() throws Exception {
        // The test holds the run lock itself, so the run is certain to find the warehouse taken, however fast it is.
        TestingWarehouse alone = source.copyInto(Files.createDirectory(directory.resolve("alone")));
        alone.run(SECOND_RUN_AS_OF, 0);
        try (PvwProcess waiting = startWhileHeld()) {
            assertThat(waiting.waitFor(stepTimeout())).as(waiting.describe()).isZero();
            assertThat(waiting.stdout()).contains(secondBatchRows + " pageviews counted");
        }

        assertThat(CommittedState.of(warehouse)).isEqualTo(CommittedState.of(alone));
        assertThat(runRecords(warehouse)).isEqualTo(runRecords(alone));
        assertThat(warehouse.currentMart()).isEqualTo(expectedMart(CURRENT_POSTCODE));
        assertThat(warehouse.atViewMart()).isEqualTo(expectedMart(POSTCODE_AT_VIEW));
    }

    /**
     * Makes the disk look full to the paused run: no file it writes (the database file or the server session's files)
     * may grow any more.
     */
    abstract void fillTheDisk(PvwProcess run, String url) throws Exception;

    /** The second run's work, done by the next run after one that did not finish ({@code leftAs} in the run log). */
    void assertTheNextRunCompletesTheWork(String leftAs) {
        CliResult next = warehouse.run(SECOND_RUN_AS_OF, 0);

        assertThat(next.out())
                .contains("users snapshot 2 effective 2026-01-06 accepted")
                .contains(secondBatchRows + " pageviews counted")
                .contains("checks:     12 passed");
        assertThat(runOutcomes())
                .containsExactly("succeeded", leftAs.equals("running") ? "interrupted" : leftAs, "succeeded");
        assertThat(CommittedState.of(warehouse).facts()).isEqualTo(FIRST_BATCH_ROWS + secondBatchRows);
        assertThat(warehouse.currentMart()).isEqualTo(expectedMart(CURRENT_POSTCODE));
        assertThat(warehouse.atViewMart()).isEqualTo(expectedMart(POSTCODE_AT_VIEW));
        CliResult checked = warehouse.pvw("check", "--full");
        assertThat(checked.exitCode()).as(checked.toString()).isZero();
    }

    /** Starts pvw on the test's warehouse in a process of its own, with {@code jvmOptions} (the test hook's, say). */
    PvwProcess startPvw(String name, List<String> jvmOptions, String... args) {
        return PvwProcess.start(directory, name, List.of(), jvmOptions, args);
    }

    /** How long a step of a process may take: starting, reaching a point of the run, ending. */
    Duration stepTimeout() {
        return STEP_TIMEOUT;
    }

    /** The system properties that make a run pause at {@code point}, and resume once {@code resume} exists. */
    static List<String> pauseAt(String point, Path resume) {
        List<String> options = new ArrayList<>(List.of("-Dpvw.test.pause-at=" + point));
        if (resume != null) {
            options.add("-Dpvw.test.resume-file=" + resume);
        }
        return options;
    }

    /** Starts a run with a generous --lock-wait while the lock is held, and lets go once it is seen waiting. */
    private PvwProcess startWhileHeld() throws Exception {
        PvwProcess waiting;
        try (AutoCloseable held = holdRunLock(warehouse.url())) {
            waiting = startPvw("waiting", List.of(), runArgs("--lock-wait", "60", SECOND_RUN_AS_OF));
            waiting.awaitLine(waitingLine(), stepTimeout());
            Thread.sleep(500);
            assertThat(waiting.isAlive())
                    .as("the run waits while the lock is held")
                    .isTrue();
        }
        return waiting;
    }

    /** On a warehouse as init leaves it, commits the first run and lands a second extract of {@code secondRows} pageviews. */
    private void prepare(TestingWarehouse target, int users, long secondRows) {
        land(target, users(users, 0), pageviews(users, FIRST_HOUR, FIRST_BATCH_ROWS));
        target.run(FIRST_RUN_AS_OF, 0);
        land(target, users(users, 1), pageviews(users, SECOND_HOUR, secondRows));
    }

    /** Lands both extracts the way the extract processes do, truncate then load, generated in SQL for speed. */
    private static void land(TestingWarehouse target, String usersSelect, String pageviewsSelect) {
        target.execute(
                "DELETE FROM raw.users_extract",
                "INSERT INTO raw.users_extract " + usersSelect,
                "DELETE FROM raw.pageviews_extract",
                "INSERT INTO raw.pageviews_extract " + pageviewsSelect);
    }

    /** Every user; {@code shift} 1 moves every user to the next postcode. */
    private String users(int users, int shift) {
        return "SELECT i AS id, 'P' || lpad(CAST((i + " + shift + ") % " + POSTCODES + " AS " + textType() + "), 2,"
                + " '0') AS postcode FROM " + numbers(1, users);
    }

    /** The integers from {@code first} to {@code last} as the relation {@code numbers(i)}, in the engine's SQL. */
    String numbers(long first, long last) {
        return "generate_series(" + first + ", " + last + ") AS numbers(i)";
    }

    /** The text type a CAST takes on the engine. */
    String textType() {
        return "VARCHAR";
    }

    /** {@code rows} pageviews spread over the users and over the seconds of the hour. */
    private String pageviews(int users, String hour, long rows) {
        return "SELECT (i % " + users + ") + 1 AS user_id, '/page/' || CAST(i % 100 AS " + textType() + ") AS url,"
                + " TIMESTAMP '" + hour + "' + (i % 3600) * INTERVAL '1 second' AS pageview_datetime"
                + " FROM " + numbers(0, rows - 1);
    }

    /** The mart both batches and both snapshots make, computed straight from the generators: a reference model. */
    List<MartRow> expectedMart(String postcode) {
        return warehouse.query(
                "SELECT CAST(date_trunc('hour', v.pageview_datetime) AS TIMESTAMP) AS hour_start, " + postcode
                        + " AS postcode,"
                        + " count(*) AS pageviews"
                        + " FROM (" + pageviews(users, FIRST_HOUR, FIRST_BATCH_ROWS) + " UNION ALL "
                        + pageviews(users, SECOND_HOUR, secondBatchRows) + ") AS v"
                        + " JOIN (" + users(users, 0) + ") AS before_move ON before_move.id = v.user_id"
                        + " JOIN (" + users(users, 1) + ") AS after_move ON after_move.id = v.user_id"
                        + " GROUP BY 1, 2 ORDER BY hour_start, postcode",
                rs -> new MartRow(rs.getTimestamp(1).toLocalDateTime(), rs.getString(2), rs.getLong(3)));
    }

    List<String> runOutcomes() {
        return warehouse.query("SELECT outcome FROM core.runs ORDER BY run_id", rs -> rs.getString(1));
    }

    /** The run log without its wall-clock times, which differ between any two executions. */
    private static List<String> runRecords(TestingWarehouse target) {
        return target.query(
                "SELECT run_id, as_of, outcome, users_outcome, pageviews_outcome, message FROM core.runs ORDER BY run_id",
                rs -> String.join(
                        " | ",
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)));
    }

    String[] runArgs(String asOf) {
        return new String[] {"--warehouse", warehouse.url(), "run", "--as-of", asOf};
    }

    private String[] runArgs(String option, String value, String asOf) {
        return new String[] {"--warehouse", warehouse.url(), option, value, "run", "--as-of", asOf};
    }
}
