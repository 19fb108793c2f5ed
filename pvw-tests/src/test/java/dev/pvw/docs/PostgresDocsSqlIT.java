package dev.pvw.docs;

import dev.pvw.testing.TestingEngine;

/** The docs' SQL examples on a real PostgreSQL server. */
class PostgresDocsSqlIT extends AbstractDocsSqlIT {
    PostgresDocsSqlIT() {
        super(TestingEngine.POSTGRESQL);
    }
}
