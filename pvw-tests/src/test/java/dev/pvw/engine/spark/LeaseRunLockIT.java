package dev.pvw.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvw.PvwException;
import dev.pvw.warehouse.RunLock;
import dev.pvw.warehouse.WarehouseUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run lock of a catalog that machines share: a lease that is a table of the catalog. Each "process" here is a
 * catalog client of its own (a Spark session with Iceberg's cache off, as pvw opens one) on one Iceberg JDBC catalog;
 * what makes the lease exclusive, that creating a table that exists fails, is the catalog's, as on a REST or Glue one.
 */
class LeaseRunLockIT {
    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    private static final WarehouseUrl URL = WarehouseUrl.parse("spark:lake");

    @TempDir
    Path directory;

    private Path warehouse;

    @BeforeEach
    void aCatalog() throws java.io.IOException {
        warehouse = Files.createDirectory(directory.resolve("warehouse"));
    }

    @Test
    void whileOneProcessHoldsTheLeaseAnotherThatMayNotWaitIsRefusedWithOneSentence() {
        try (RunLock.Lease held = lock(NOW).acquire(Duration.ZERO)) {
            assertThatThrownBy(() -> lock(NOW).acquire(Duration.ZERO))
                    .isInstanceOf(PvwException.class)
                    .hasMessageStartingWith("Another run is using warehouse spark:lake (")
                    .hasMessageContaining("holds its lease; waited 0 s); try again when it has finished, or give"
                            + " --lock-wait more seconds.");
        }
    }

    @Test
    void theLeaseIsFreeOnceItsHolderLetsGo() {
        lock(NOW).acquire(Duration.ZERO).close();

        try (RunLock.Lease next = lock(NOW).acquire(Duration.ZERO)) {
            assertThat(next).isNotNull();
        }
    }

    @Test
    void ofTwoProcessesTakingTheLeaseAtOnceExactlyOneGetsIt() throws Exception {
        List<LeaseRunLock> locks = List.of(lock(NOW), lock(NOW));
        CountDownLatch ready = new CountDownLatch(locks.size());
        ExecutorService threads = Executors.newFixedThreadPool(locks.size());
        try {
            List<Future<RunLock.Lease>> attempts = new ArrayList<>();
            for (LeaseRunLock lock : locks) {
                Callable<RunLock.Lease> attempt = () -> {
                    ready.countDown();
                    ready.await();
                    return lock.acquire(Duration.ZERO);
                };
                attempts.add(threads.submit(attempt));
            }
            List<RunLock.Lease> held = new ArrayList<>();
            List<Throwable> refused = new ArrayList<>();
            for (Future<RunLock.Lease> attempt : attempts) {
                try {
                    held.add(attempt.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    refused.add(e.getCause());
                }
            }

            assertThat(held).hasSize(1);
            assertThat(refused).singleElement().isInstanceOf(PvwException.class);
            held.forEach(RunLock.Lease::close);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theLeaseOfAProcessThatDiedIsTakenOverOnceItExpiresAndOnlyThen() {
        // A holder that never lets go, as a process killed while holding it.
        RunLock.Lease dead = lock(NOW).acquire(Duration.ZERO);
        assertThatThrownBy(
                        () -> lock(NOW.plus(LeaseRunLock.LEASE).minusSeconds(1)).acquire(Duration.ZERO))
                .as("not before the lease expires")
                .isInstanceOf(PvwException.class);

        Instant later = NOW.plus(LeaseRunLock.LEASE).plusSeconds(1);
        try (RunLock.Lease taken = lock(later).acquire(Duration.ZERO)) {
            dead.close();

            assertThatThrownBy(() -> lock(later).acquire(Duration.ZERO))
                    .as("the dead holder letting go late does not free the new holder's lease")
                    .isInstanceOf(PvwException.class);
        }
    }

    /** A run lock as one process sees it: a session and catalog client of its own, and a clock at {@code now}. */
    private LeaseRunLock lock(Instant now) {
        SparkSession session = SparkSessions.localSession(warehouse);
        SparkSession.setActiveSession(session);
        WarehouseCatalog catalog = new WarehouseCatalog("pvw", Spark3Util.loadIcebergCatalog(session, "pvw"));
        return new LeaseRunLock(URL, catalog, Clock.fixed(now, ZoneOffset.UTC));
    }
}
