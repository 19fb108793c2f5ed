package dev.pvw.pipeline;

import dev.pvw.testing.TestingEngine;

/** The SPEC rules on a real PostgreSQL server. */
class PostgresSpecRulesIT extends AbstractSpecRulesIT {
    @Override
    TestingEngine engine() {
        return TestingEngine.POSTGRESQL;
    }
}
