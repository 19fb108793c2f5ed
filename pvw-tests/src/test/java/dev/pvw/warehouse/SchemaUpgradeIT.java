package dev.pvw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.CliResult;
import dev.pvw.testing.MartRow;
import dev.pvw.testing.PageviewRow;
import dev.pvw.testing.TestingEngine;
import dev.pvw.testing.TestingWarehouse;
import dev.pvw.testing.UserRow;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A warehouse made before the per-user-hour rollup gets it, filled from its fact, and goes on counting right. */
class SchemaUpgradeIT {
    static Stream<TestingEngine> engines() {
        return Stream.of(TestingEngine.DUCKDB, TestingEngine.POSTGRESQL);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aWarehouseOfVersionTwoGetsTheRollupFilledFromItsFact(TestingEngine engine, @TempDir Path directory) {
        TestingWarehouse warehouse = new TestingWarehouse(engine, directory);
        assertThat(warehouse.pvw("init").exitCode()).isZero();
        warehouse.landUsers(List.of(new UserRow(1L, "A"), new UserRow(2L, "B")));
        warehouse.landPageviews(List.of(
                view(1, "2026-01-01T10:00:00"),
                view(1, "2026-01-01T10:20:00"),
                view(2, "2026-01-01T11:00:00"),
                view(3, "2026-01-01T11:30:00")));
        warehouse.run("2026-01-01T12:05:00", 0);
        Map<String, Long> before = warehouse.userHoursFromRollup();
        // What a warehouse made by version 2 looks like: no rollup, and no record of version 3.
        warehouse.execute(
                "DROP TABLE core.pageview_user_hours",
                "DROP TABLE mart.pageviews_daily_by_current_postcode",
                "DROP TABLE mart.pageviews_daily_by_postcode_at_view",
                "DELETE FROM core.schema_history WHERE version = 3");

        CliResult init = warehouse.pvw("init");
        Map<String, Long> filled = warehouse.userHoursFromRollup();
        warehouse.landUsers(List.of(new UserRow(1L, "C"), new UserRow(2L, "B"), new UserRow(3L, "D")));
        warehouse.landPageviews(List.of());
        warehouse.run("2026-01-02T00:05:00", 0);

        assertThat(init.out()).contains("1 schema version(s) applied");
        assertThat(before).hasSize(3);
        assertThat(filled).isEqualTo(before);
        assertThat(warehouse.userHoursFromFact()).isEqualTo(warehouse.userHoursFromRollup());
        assertThat(warehouse.rollupsDisagreeing()).containsOnly(0L);
        assertThat(warehouse.currentMart())
                .containsExactly(
                        row("2026-01-01T10:00", "C", 2),
                        row("2026-01-01T11:00", "B", 1),
                        row("2026-01-01T11:00", "D", 1));
        assertThat(warehouse.atViewMart())
                .containsExactly(
                        row("2026-01-01T10:00", "A", 2),
                        row("2026-01-01T11:00", "B", 1),
                        row("2026-01-01T11:00", "D", 1));
        assertThat(warehouse.pvw("init").out()).contains("schema already up to date");
        assertThat(warehouse.userHoursFromRollup()).isEqualTo(warehouse.userHoursFromFact());
        // The one-query check the randomised scenarios rely on sees a fact or a daily mart out of step.
        warehouse.execute(
                "UPDATE core.pageview_fact SET postcode_at_view = 'X' WHERE user_id = 2",
                "UPDATE mart.pageviews_daily_by_postcode_at_view SET pageviews = 5 WHERE postcode = 'A'");
        assertThat(warehouse.rollupsDisagreeing()).containsExactly(2L, 0L, 1L);
    }

    private static PageviewRow view(long userId, String at) {
        return new PageviewRow(userId, "www.website.com/index.html", LocalDateTime.parse(at));
    }

    private static MartRow row(String hour, String postcode, long pageviews) {
        return new MartRow(LocalDateTime.parse(hour), postcode, pageviews);
    }
}
