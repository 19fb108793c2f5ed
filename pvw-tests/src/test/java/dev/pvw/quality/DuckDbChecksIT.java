package dev.pvw.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.CliResult;
import dev.pvw.testing.TestingEngine;
import org.junit.jupiter.api.Test;

/** The checks on embedded DuckDB, whose marts have no unique index, so a duplicate key can be written. */
class DuckDbChecksIT extends AbstractChecksIT {
    @Override
    TestingEngine engine() {
        return TestingEngine.DUCKDB;
    }

    @Test
    void aDuplicateMartKeyIsNamedEvenWhenTheTotalsAgree() {
        // Hour 1's at-view row for A split in two: the same count in all, but (hour_start, postcode) twice.
        warehouse.execute(
                "UPDATE " + AT_VIEW_MART + " SET pageviews = pageviews - 1" + " WHERE hour_start = TIMESTAMP '" + HOUR_1
                        + "' AND postcode = 'A'",
                "INSERT INTO " + AT_VIEW_MART + " (hour_start, postcode, pageviews)" + " VALUES (TIMESTAMP '" + HOUR_1
                        + "', 'A', 1)");

        CliResult result = warehouse.pvw("check", "--full");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(failedChecks(result)).containsExactly("mart_keys");
        assertThat(result.out()).contains("- " + AT_VIEW_MART + " has 2 rows for 2026-01-01T10:00:00 and postcode 'A'");
    }
}
