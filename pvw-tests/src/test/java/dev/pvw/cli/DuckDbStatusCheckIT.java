package dev.pvw.cli;

import dev.pvw.testing.TestingEngine;

/** {@code status --check} on embedded DuckDB, where a run still marked running cannot be at work. */
class DuckDbStatusCheckIT extends AbstractStatusCheckIT {
    @Override
    TestingEngine engine() {
        return TestingEngine.DUCKDB;
    }

    @Override
    boolean runningMeansInterrupted() {
        return true;
    }
}
