package dev.pvw.cli;

import dev.pvw.testing.TestingEngine;
import dev.pvw.warehouse.TestingRunLocks;
import java.util.regex.Pattern;

/** Killed and concurrent runs on embedded DuckDB, where the process that opens the file holds it. */
class DuckDbKillIT extends AbstractKillIT {
    @Override
    TestingEngine engine() {
        return TestingEngine.DUCKDB;
    }

    @Override
    long secondBatchRows() {
        return 3_000_000;
    }

    @Override
    Pattern waitingLine() {
        return Pattern.compile("is in use by another process; waiting up to 60 s");
    }

    @Override
    String anotherRunSentenceStart(String url) {
        return "Another process is using warehouse " + url;
    }

    @Override
    AutoCloseable holdRunLock(String url) throws Exception {
        return TestingRunLocks.holdDuckDb(url);
    }
}
