package dev.pvw.cli;

import static dev.pvw.testing.CliSentences.sentenceOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.engine.postgresql.TestingRunLocks;
import dev.pvw.testing.CommittedState;
import dev.pvw.testing.TestingEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Killed and concurrent runs on a real PostgreSQL server, reached over localhost: runs queue on an advisory lock, and the
 * server rolls back the transaction of a client that died.
 */
class PostgresKillIT extends AbstractKillIT {
    @Override
    TestingEngine engine() {
        return TestingEngine.POSTGRESQL;
    }

    /** Fewer than on DuckDB, since PostgreSQL takes several times longer per row; a run still takes seconds. */
    @Override
    long volumeBatchRows() {
        return 300_000;
    }

    @Override
    Pattern waitingLine() {
        return Pattern.compile("Another pvw run holds this warehouse; waiting up to 60 s");
    }

    /** The advisory lock is taken after connecting, so the sentence names the run, not the URL. */
    @Override
    String anotherRunSentenceStart(String url) {
        return "Another pvw run holds this warehouse";
    }

    @Override
    AutoCloseable holdRunLock(String url) throws Exception {
        return TestingRunLocks.holdPostgres(url);
    }

    /**
     * The run's server session may write no file past 16 MiB: the run's work tables and the new day's fact partition
     * need more. Not less than 16 MiB, the size of a WAL segment, which the session writes too and which PostgreSQL
     * cannot fail to write without stopping the whole server.
     */
    @Override
    void fillTheDisk(PvwProcess run, String url) throws Exception {
        FileSizeLimit.apply(backendOf(url), 16L * 1024 * 1024);
    }

    @Test
    void aRunWhoseConnectionIsCutMidWayFailsWithOneSentenceAndTheNextRunCompletesIt() throws Exception {
        CommittedState before = CommittedState.of(warehouse);
        Path resume = directory.resolve("resume");

        try (PvwProcess run = PvwProcess.start(
                directory, "cut-off", List.of(), pauseAt("pageviews", resume), runArgs(SECOND_RUN_AS_OF))) {
            run.awaitLine(Pattern.compile("Test hook: paused at pageviews$"), STEP_TIMEOUT);
            // What a server restart, a failover or an administrator does to the session holding the run.
            warehouse.query("SELECT pg_terminate_backend(" + backendOf(warehouse.url()) + ")", rs -> rs.getBoolean(1));
            Files.createFile(resume);

            assertThat(run.waitFor(STEP_TIMEOUT)).as(run.describe()).isEqualTo(ExitCodes.FAILURE);
            assertThat(sentenceOf(run.stderr(), run.describe()))
                    .startsWith("The connection to the warehouse broke during sql/")
                    .contains("(FATAL: terminating connection due to administrator command (SQL state 57P01))")
                    .contains("so nothing of the unfinished transaction was kept")
                    .endsWith("check that the database is reachable and run the command again.")
                    .doesNotContain("pvw-test-secret");
        }

        assertThat(CommittedState.of(warehouse)).isEqualTo(before);
        assertThat(runOutcomes()).as("the run could not record its failure").containsExactly("succeeded", "running");
        assertTheNextRunCompletesTheWork("running");
    }

    /** The server process of the one session pvw has open on this database. */
    private long backendOf(String url) {
        List<Long> backends = warehouse.query(
                "SELECT pid FROM pg_stat_activity WHERE application_name = 'pvw' AND datname = current_database()",
                rs -> rs.getLong(1));
        assertThat(backends).as("pvw's sessions on " + url).hasSize(1);
        return backends.get(0);
    }
}
