package dev.pvw.pipeline;

import static java.util.Objects.requireNonNull;

import dev.pvw.warehouse.MaintenancePolicy;
import dev.pvw.warehouse.RunLock;
import dev.pvw.warehouse.Warehouse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pvw maintain}: the engine's table maintenance under the run lock, so that it never races a run's publish,
 * after finishing or discarding what a run killed part-way left, as every command that writes does first.
 */
public final class Maintenance {
    private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);

    private final Warehouse warehouse;
    private final Duration lockWait;

    public Maintenance(Warehouse warehouse, Duration lockWait) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.lockWait = requireNonNull(lockWait, "lockWait");
    }

    /** A line per table saying what was done; empty where the engine maintains its own storage. */
    public Optional<List<String>> run(MaintenancePolicy policy) {
        if (!warehouse.dialect().needsTableMaintenance()) {
            return Optional.empty();
        }
        try (RunLock.Lease lease = warehouse.runLock().acquire(lockWait)) {
            warehouse.unitOfWork().recover().forEach(line -> LOG.warn("{}", line));
            return warehouse.maintain(policy);
        }
    }
}
