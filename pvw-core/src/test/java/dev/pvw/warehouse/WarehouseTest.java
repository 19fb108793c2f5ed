package dev.pvw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarehouseTest {
    @Test
    void definedIdentifiersArePutInPlaceAndAnUndefinedOneIsAMistake() {
        assertThat(Warehouse.render(
                        "SELECT * FROM <mart> WHERE a <> b AND <start> < 3",
                        Map.of("mart", "mart.x", "start", "hour_start")))
                .isEqualTo("SELECT * FROM mart.x WHERE a <> b AND hour_start < 3");
        assertThatThrownBy(() -> Warehouse.render("SELECT <missing>", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("<missing>");
    }

    @Test
    void aWorkTableIsMadeByTheEnginesTemplateAroundItsDefinition() {
        RecordingSession session = new RecordingSession(sql -> List.of());
        Warehouse warehouse = TestingSessions.warehouse(session);

        warehouse.create(WorkTables.DELTA_TOTAL, Map.of("unit", "hour"), Map.of("delta", Mart.CURRENT.deltaTable()));
        warehouse.create(WorkTables.DELTA_CURRENT, Map.of());
        warehouse.drop(List.of(WorkTables.RUN_USERS, WorkTables.DELTA_CURRENT));

        assertThat(session.statements.get(0))
                .contains("CREATE TEMPORARY TABLE pvw_delta_total AS\n")
                .contains("FROM pvw_delta_current");
        assertThat(session.statements.get(1))
                .contains("CREATE TEMPORARY TABLE pvw_delta_current (\n")
                .contains("hour_start TIMESTAMP NOT NULL");
        assertThat(session.statements.subList(2, 4))
                .containsExactly("DROP VIEW IF EXISTS pvw_run_users\n", "DROP TABLE IF EXISTS pvw_delta_current\n");
    }

    @Test
    void aHookRunsOnlyWhereTheEnginesFolderHasIt() {
        RecordingSession session = new RecordingSession(sql -> List.of());
        Warehouse warehouse = TestingSessions.warehouse(session);

        warehouse.hook("before_insert_fact", Map.of());
        warehouse.loaded(WorkTables.USER_ROWS);

        assertThat(session.statements).as("portable SQL has no hooks").isEmpty();
    }

    @Test
    void aRunsUnitOfWorkIsPublishedWhenItsWorkReturnsAndAbortedWhenItThrows() {
        RecordingSession session = new RecordingSession(sql -> List.of());
        UnitOfWork unit = TestingSessions.warehouse(session).unitOfWork();

        assertThat(unit.run(7, () -> "done")).isEqualTo("done");
        assertThatThrownBy(() -> unit.run(8, () -> {
                    throw new IllegalStateException("a check failed");
                }))
                .hasMessage("a check failed");

        assertThat(session.events).containsExactly("begin 7", "publish", "begin 8", "abort");
    }
}
