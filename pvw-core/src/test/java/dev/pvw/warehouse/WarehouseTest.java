package dev.pvw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

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

    @Test
    void aFailedRunTellsItsOwnFailureWhenTheAbortFailsToo() {
        UnitOfWork failingAbort = new UnitOfWork() {
            @Override
            public List<String> recover() {
                return List.of();
            }

            @Override
            public void begin(long runId) {}

            @Override
            public void publish() {}

            @Override
            public void abort() {
                // What Hadoop's local file system throws when the disk is full: an Error, not an exception.
                throw new AssertionError("File too large");
            }
        };

        assertThatThrownBy(() -> failingAbort.run(9, () -> {
                    throw new IllegalStateException("the disk is full");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the disk is full")
                .satisfies(failure -> assertThat(failure.getSuppressed())
                        .singleElement()
                        .hasFieldOrPropertyWithValue("message", "File too large"));
    }

    @Test
    void readsRunAtOnceWhereTheEngineCanAndAnswerInTheOrderGiven() {
        RecordingSession session = new RecordingSession(sql -> List.of());
        session.concurrentReads = 3;
        Warehouse warehouse = TestingSessions.warehouse(session);
        // Each read waits for the other two: the three end only if they run at once.
        CyclicBarrier together = new CyclicBarrier(3);
        List<Supplier<String>> reads = new ArrayList<>();
        for (String name : List.of("first", "second", "third")) {
            reads.add(() -> {
                try {
                    together.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new IllegalStateException("the reads did not run at once", e);
                }
                return name + " in run " + MDC.get("run");
            });
        }

        try (MDC.MDCCloseable ignored = MDC.putCloseable("run", "7")) {
            assertThat(warehouse.readAll(reads)).containsExactly("first in run 7", "second in run 7", "third in run 7");
        }
    }

    @Test
    void onAConnectionReadsRunOneAfterAnotherOnTheCallersThread() {
        Warehouse warehouse = TestingSessions.warehouse(new RecordingSession(sql -> List.of()));
        Thread caller = Thread.currentThread();
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        List<Supplier<Boolean>> reads = List.of(
                () -> order.add("first") && Thread.currentThread() == caller,
                () -> order.add("second") && Thread.currentThread() == caller);

        assertThat(warehouse.readAll(reads)).containsExactly(true, true);
        assertThat(order).containsExactly("first", "second");
    }

    @Test
    void aFailedReadFailsTheWholeWithItsOwnExceptionOnceEveryReadHasEnded() {
        RecordingSession session = new RecordingSession(sql -> List.of());
        session.concurrentReads = 2;
        Warehouse warehouse = TestingSessions.warehouse(session);
        AtomicBoolean slowEnded = new AtomicBoolean();
        List<Supplier<String>> reads = List.of(
                () -> {
                    throw new IllegalStateException("a query failed");
                },
                () -> {
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    slowEnded.set(true);
                    return "slow";
                });

        assertThatThrownBy(() -> warehouse.readAll(reads))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a query failed");
        assertThat(slowEnded).isTrue();
    }
}
