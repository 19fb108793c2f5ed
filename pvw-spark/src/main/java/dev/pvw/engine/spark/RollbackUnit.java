package dev.pvw.engine.spark;

import static java.util.Objects.requireNonNull;

import dev.pvw.warehouse.UnitOfWork;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.expressions.Expressions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's writes, undone on failure by setting every table it changed back to the snapshot it had when the run began.
 * The first step towards the write-audit-publish of docs/engines.md: readers see each table's commits as the run
 * makes them, and a run killed part-way leaves them so (the next run does not yet repair that).
 */
final class RollbackUnit implements UnitOfWork {
    private static final Logger LOG = LoggerFactory.getLogger(RollbackUnit.class);

    private final WarehouseCatalog catalog;
    private Map<TableIdentifier, Long> before;

    RollbackUnit(WarehouseCatalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog");
    }

    @Override
    public List<String> recover() {
        return List.of();
    }

    @Override
    public void begin(long runId) {
        Map<TableIdentifier, Long> snapshots = new HashMap<>();
        SparkEngineSession.guarded(() -> {
            // Not raw: the extract processes write it, and a run never does.
            for (TableIdentifier table : catalog.tables(WarehouseCatalog.CORE, WarehouseCatalog.MART)) {
                snapshots.put(table, catalog.currentSnapshotId(table));
            }
            return null;
        });
        before = snapshots;
    }

    @Override
    public void publish() {
        before = null;
    }

    @Override
    public void abort() {
        if (before == null) {
            return;
        }
        before.forEach(this::restore);
        before = null;
    }

    private void restore(TableIdentifier identifier, Long snapshotId) {
        try {
            Table table = catalog.table(identifier);
            Long current = table.currentSnapshot() == null
                    ? null
                    : table.currentSnapshot().snapshotId();
            if (Objects.equals(current, snapshotId)) {
                return;
            }
            if (snapshotId == null) {
                table.newDelete().deleteFromRowFilter(Expressions.alwaysTrue()).commit();
            } else {
                table.manageSnapshots().setCurrentSnapshot(snapshotId).commit();
            }
            LOG.info("Set {} back to its snapshot before the run", identifier);
        } catch (RuntimeException e) {
            LOG.warn("Could not set {} back to its snapshot before the run: {}", identifier, e.getMessage());
        }
    }
}
