package dev.pvw.cli;

import dev.pvw.testing.TestingEngine;
import dev.pvw.warehouse.TestingRunLocks;
import java.util.regex.Pattern;

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
    long secondBatchRows() {
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
}
