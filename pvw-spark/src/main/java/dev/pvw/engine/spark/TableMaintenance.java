package dev.pvw.engine.spark;

import static java.util.Objects.requireNonNull;

import dev.pvw.warehouse.MaintenancePolicy;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.actions.BinPackRewriteFilePlanner;
import org.apache.iceberg.actions.DeleteOrphanFiles;
import org.apache.iceberg.actions.RewriteDataFiles;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.spark.actions.SparkActions;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pvw maintain} on Iceberg tables, with Iceberg's own Spark actions: compact the small files each run's commits
 * add (not in the extract tables, which their processes reload every hour and day, so that a compaction never races an
 * extract's load), expire snapshots past the policy, and remove files that no snapshot references.
 */
final class TableMaintenance {
    private static final Logger LOG = LoggerFactory.getLogger(TableMaintenance.class);

    private final SparkSession session;
    private final WarehouseCatalog catalog;

    TableMaintenance(SparkSession session, WarehouseCatalog catalog) {
        this.session = requireNonNull(session, "session");
        this.catalog = requireNonNull(catalog, "catalog");
    }

    /** A line per table of raw, core and mart saying what was done to it. */
    List<String> maintain(MaintenancePolicy policy) {
        SparkActions actions = SparkActions.get(session);
        List<String> done = new ArrayList<>();
        for (TableIdentifier identifier : catalog.warehouseTables()) {
            Table table = catalog.table(identifier);
            String compacted = "not compacted (an extract)";
            if (!identifier.namespace().equals(WarehouseCatalog.RAW)) {
                // Two small files of a partition are worth one: each hourly run adds a file or more per day. A data
                // file with rows deleted by a merge-on-read table's delete files (schema V4) is rewritten without them,
                // and the delete files that then apply to nothing are removed.
                RewriteDataFiles.Result rewritten = actions.rewriteDataFiles(table)
                        .option("min-input-files", "2")
                        .option(BinPackRewriteFilePlanner.DELETE_FILE_THRESHOLD, "1")
                        .option(RewriteDataFiles.REMOVE_DANGLING_DELETES, "true")
                        .execute();
                compacted = rewritten.rewrittenDataFilesCount() == 0
                        ? "no files to compact"
                        : rewritten.rewrittenDataFilesCount() + " data files compacted into "
                                + rewritten.addedDataFilesCount();
                table.refresh();
            }
            int snapshotsBefore = snapshots(table);
            actions.expireSnapshots(table)
                    .expireOlderThan(policy.expireSnapshotsBefore().toEpochMilli())
                    .retainLast(policy.retainLast())
                    .execute();
            table.refresh();
            int expired = snapshotsBefore - snapshots(table);
            DeleteOrphanFiles.Result orphans = actions.deleteOrphanFiles(table)
                    .olderThan(policy.orphansBefore().toEpochMilli())
                    .execute();
            long removed = 0;
            for (String ignored : orphans.orphanFileLocations()) {
                removed++;
            }
            String line = identifier + ": " + compacted + ", " + expired + " snapshots expired, " + removed
                    + " orphan files removed";
            LOG.info("{}", line);
            done.add(line);
        }
        return done;
    }

    private static int snapshots(Table table) {
        int count = 0;
        for (var ignored : table.snapshots()) {
            count++;
        }
        return count;
    }
}
