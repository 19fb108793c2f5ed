package dev.pvw.engine.spark;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.warehouse.OpenOptions;
import dev.pvw.warehouse.RunLock;
import dev.pvw.warehouse.Warehouse;
import dev.pvw.warehouse.WarehouseUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.SparkSession;

/** Opens a Spark warehouse: the first class of the engine that names Spark, loaded only for a spark: URL. */
final class SparkWarehouses {
    private SparkWarehouses() {}

    static Warehouse open(WarehouseUrl url, SparkUrl spark, OpenOptions options) {
        SparkSession session;
        if (spark instanceof SparkUrl.Local local) {
            createDirectory(url, local);
            session = SparkSessions.localSession(local.directory());
        } else {
            session = SparkSessions.submittedSession(spark.catalog());
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
        // One machine's processes share an operating-system lock; machines sharing a catalog share a lease in it.
        RunLock runLock = spark instanceof SparkUrl.Local local
                ? new FileRunLock(url, local.lockFile())
                : new LeaseRunLock(url, catalog, Clock.systemUTC());
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
