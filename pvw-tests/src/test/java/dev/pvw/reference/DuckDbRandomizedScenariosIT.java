package dev.pvw.reference;

import dev.pvw.testing.TestingEngine;

/** The randomised scenarios on embedded DuckDB. */
class DuckDbRandomizedScenariosIT extends AbstractRandomizedScenariosIT {
    DuckDbRandomizedScenariosIT() {
        super(TestingEngine.DUCKDB);
    }
}
