package dev.pvw.engine.spark;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.warehouse.OpenOptions;
import dev.pvw.warehouse.RunLock;
import dev.pvw.warehouse.Warehouse;
import dev.pvw.warehouse.WarehouseUrl;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens a Spark warehouse: the first class of the engine that names Spark, loaded only for a spark: URL. */
final class SparkWarehouses {
    private static final Logger LOG = LoggerFactory.getLogger(SparkWarehouses.class);

    private SparkWarehouses() {}

    static Warehouse open(WarehouseUrl url, SparkUrl spark, OpenOptions options) {
        SparkSession session;
        RunLock runLock;
        if (spark instanceof SparkUrl.Local local) {
            createDirectory(url, local);
            session = SparkSessions.localSession(local.directory());
            runLock = new FileRunLock(url, local.lockFile());
        } else {
            session = SparkSessions.submittedSession(spark.catalog());
            runLock = wait -> {
                LOG.warn("Runs on {} are not yet kept apart by a lock; run one at a time", url);
                return () -> {};
            };
        }
        // Spark finds a catalog's settings in the thread's active session, which a new session is not until set.
        SparkSession.setActiveSession(session);
        WarehouseCatalog catalog;
        try {
            catalog = SparkEngineSession.guarded(() -> {
                WarehouseCatalog opened =
                        new WarehouseCatalog(spark.catalog(), Spark3Util.loadIcebergCatalog(session, spark.catalog()));
                opened.useScratch(session);
                return opened;
            });
        } catch (RuntimeException e) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "Cannot open warehouse " + url.redacted() + ": " + Warehouse.firstLine(e.getMessage())
                            + "; check the URL and the catalog's settings.",
                    e);
        }
        return new Warehouse(url, new SparkDialect(), new SparkEngineSession(url, session, catalog, runLock));
    }

    private static void createDirectory(WarehouseUrl url, SparkUrl.Local local) {
        try {
            Files.createDirectories(local.directory());
        } catch (IOException e) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "Cannot create the directory of warehouse " + url.redacted() + " (" + e.getMessage()
                            + "); check the path and its permissions.",
                    e);
        }
    }
}
