package dev.pvw.bench;

import dev.pvw.testing.TestingEngine;
import java.util.List;

/** {@code pvw bench} on DuckDB, the default engine: every target of docs/performance.md. */
class DuckDbBenchIT extends AbstractBenchIT {
    @Override
    TestingEngine engine() {
        return TestingEngine.DUCKDB;
    }

    @Override
    List<String> engineOptions() {
        return List.of("--memory-limit", "1GB");
    }

    @Override
    List<String> targets() {
        return DUCKDB_TARGETS;
    }

    @Override
    List<String> engineDescription() {
        return List.of("DuckDB v", "memory_limit 1GB");
    }
}
