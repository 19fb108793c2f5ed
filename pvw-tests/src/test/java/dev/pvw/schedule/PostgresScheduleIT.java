package dev.pvw.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.engine.postgresql.TestingRunLocks;
import dev.pvw.testing.TestingEngine;
import dev.pvw.testing.UserRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scheduler through a simulated day on a real PostgreSQL server, and a run lock held by another run. */
class PostgresScheduleIT extends AbstractScheduleIT {
    @Override
    TestingEngine engine() {
        return TestingEngine.POSTGRESQL;
    }

    @Test
    void aRunThatFindsTheWarehouseLockedByAnotherRunFailsAndIsRetried() throws SQLException {
        time.at(instant(DAY), () -> warehouse.landUsers(List.of(new UserRow(1L, "AB1"))));
        time.at(instant(DAY), () -> landPageviewsOf(DAY.minusHours(1)));
        Connection[] otherRun = new Connection[1];
        time.at(instant("2026-01-05T00:04:00"), () -> otherRun[0] = holdRunLock());
        time.at(instant("2026-01-05T00:05:30"), () -> release(otherRun[0]));
        time.stopAt(instant("2026-01-05T00:30:00"));

        // With no --lock-wait, a run that finds the lock taken fails at once, as one that waited in vain would.
        scheduler(Duration.ZERO).run();

        assertThat(runs()).containsExactly("2026-01-05T00:05 started 2026-01-05T00:06 succeeded");
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.pageview_batches"))
                .isOne();
    }

    private Connection holdRunLock() {
        try {
            return TestingRunLocks.holdPostgres(warehouse.url());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the run lock: " + e.getMessage(), e);
        }
    }

    private static void release(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot let go of the run lock: " + e.getMessage(), e);
        }
    }
}
