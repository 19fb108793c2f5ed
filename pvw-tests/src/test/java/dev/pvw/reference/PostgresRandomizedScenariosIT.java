package dev.pvw.reference;

import dev.pvw.testing.TestingEngine;

/** The randomised scenarios on a real PostgreSQL server. */
class PostgresRandomizedScenariosIT extends AbstractRandomizedScenariosIT {
    PostgresRandomizedScenariosIT() {
        super(TestingEngine.POSTGRESQL);
    }
}
