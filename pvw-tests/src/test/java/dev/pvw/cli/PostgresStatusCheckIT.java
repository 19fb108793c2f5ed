package dev.pvw.cli;

import dev.pvw.testing.TestingEngine;

/** {@code status --check} on a real PostgreSQL server, where a run marked running may be at work in another process. */
class PostgresStatusCheckIT extends AbstractStatusCheckIT {
    @Override
    TestingEngine engine() {
        return TestingEngine.POSTGRESQL;
    }

    @Override
    boolean runningMeansInterrupted() {
        return false;
    }
}
