package dev.pvw.docs;

import dev.pvw.testing.TestingEngine;

/** The docs' SQL examples on embedded DuckDB. */
class DuckDbDocsSqlIT extends AbstractDocsSqlIT {
    DuckDbDocsSqlIT() {
        super(TestingEngine.DUCKDB);
    }
}
