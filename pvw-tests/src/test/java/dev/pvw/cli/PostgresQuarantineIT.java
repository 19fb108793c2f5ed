package dev.pvw.cli;

import dev.pvw.testing.TestingEngine;

/** The quarantine's listing, counts and retention on a real PostgreSQL server. */
class PostgresQuarantineIT extends AbstractQuarantineIT {
    @Override
    TestingEngine engine() {
        return TestingEngine.POSTGRESQL;
    }
}
