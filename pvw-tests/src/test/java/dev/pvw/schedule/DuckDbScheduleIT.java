package dev.pvw.schedule;

import dev.pvw.testing.TestingEngine;

/** The scheduler through a simulated day on embedded DuckDB; a lock held by another process: DuckDbScheduleProcessIT. */
class DuckDbScheduleIT extends AbstractScheduleIT {
    @Override
    TestingEngine engine() {
        return TestingEngine.DUCKDB;
    }
}
