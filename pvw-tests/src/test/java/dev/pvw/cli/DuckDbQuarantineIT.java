package dev.pvw.cli;

import dev.pvw.testing.TestingEngine;

/** The quarantine's listing, counts and retention on embedded DuckDB. */
class DuckDbQuarantineIT extends AbstractQuarantineIT {
    @Override
    TestingEngine engine() {
        return TestingEngine.DUCKDB;
    }
}
