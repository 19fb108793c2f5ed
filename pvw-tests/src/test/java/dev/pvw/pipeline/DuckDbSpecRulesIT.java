package dev.pvw.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.TestingEngine;
import org.junit.jupiter.api.Test;

/** The SPEC rules on embedded DuckDB. */
class DuckDbSpecRulesIT extends AbstractSpecRulesIT {
    @Override
    TestingEngine engine() {
        return TestingEngine.DUCKDB;
    }

    @Test
    void statusShowsARunLeftRunningAsInterruptedBecauseNoOtherProcessCanHoldTheFile() {
        // What a run killed part-way leaves behind: its own row, committed before its work began.
        warehouse.execute("INSERT INTO core.runs (run_id, started_at, as_of, outcome)"
                + " VALUES (1, TIMESTAMP '2026-01-01 11:05:01', TIMESTAMP '2026-01-01 11:05:00', 'running')");

        assertThat(warehouse.pvw("status").out()).contains("#1 as of 2026-01-01T11:05:00: interrupted");
    }
}
