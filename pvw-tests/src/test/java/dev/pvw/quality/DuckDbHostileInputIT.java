package dev.pvw.quality;

import dev.pvw.testing.TestingEngine;
import java.util.Locale;

/** Hostile input on embedded DuckDB. */
class DuckDbHostileInputIT extends AbstractHostileInputIT {
    @Override
    TestingEngine engine() {
        return TestingEngine.DUCKDB;
    }

    /** DuckDB names types in upper case and calls DOUBLE PRECISION just DOUBLE. */
    @Override
    String shownType(String sqlType) {
        return "DOUBLE PRECISION".equals(sqlType) ? "DOUBLE" : sqlType.toUpperCase(Locale.ROOT);
    }
}
