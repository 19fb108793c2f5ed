package dev.pvw.pipeline;

import dev.pvw.testing.TestingEngine;

/** The SPEC rules on embedded DuckDB. */
class DuckDbSpecRulesIT extends AbstractSpecRulesIT {
    @Override
    TestingEngine engine() {
        return TestingEngine.DUCKDB;
    }
}
