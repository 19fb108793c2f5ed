package dev.pvw.quality;

import dev.pvw.testing.TestingEngine;
import java.util.Locale;

/** Hostile input on a real PostgreSQL server. */
class PostgresHostileInputIT extends AbstractHostileInputIT {
    @Override
    TestingEngine engine() {
        return TestingEngine.POSTGRESQL;
    }

    /** PostgreSQL's information schema names types in lower case, VARCHAR as character varying. */
    @Override
    String shownType(String sqlType) {
        return "VARCHAR".equals(sqlType) ? "character varying" : sqlType.toLowerCase(Locale.ROOT);
    }
}
