package dev.pvw.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvw.testing.TestingEngine;
import org.junit.jupiter.api.Test;

/** The checks on a real PostgreSQL server, where a unique index already keeps each mart's keys unique. */
class PostgresChecksIT extends AbstractChecksIT {
    @Override
    TestingEngine engine() {
        return TestingEngine.POSTGRESQL;
    }

    @Test
    void theMartsUniqueIndexRefusesADuplicateKeySoMartKeysNeedNotCatchIt() {
        assertThatThrownBy(() -> warehouse.execute("INSERT INTO " + AT_VIEW_MART
                        + " (hour_start, postcode, pageviews) VALUES (TIMESTAMP '" + HOUR_1 + "', 'A', 1)"))
                .hasMessageContaining("duplicate key");
        assertThat(warehouse.pvw("check", "--full").exitCode()).isZero();
    }
}
