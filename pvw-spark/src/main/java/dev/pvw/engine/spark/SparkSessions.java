package dev.pvw.engine.spark;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * The one Spark application of this JVM and a session of it per warehouse opened. Starting Spark costs seconds, so it
 * starts once, on first use, and closing a warehouse leaves it running; each warehouse gets a session of its own
 * ({@code newSession}: its own configuration, catalogs and temporary views) over the shared Spark context.
 */
public final class SparkSessions {
    /** What every pvw session needs: times without zone, in UTC, read as java.time values. */
    private static final Map<String, String> SESSION_SETTINGS = Map.of(
            "spark.sql.session.timeZone", "UTC",
            "spark.sql.timestampType", "TIMESTAMP_NTZ",
            "spark.sql.datetime.java8API.enabled", "true");

    private static final String EXTENSIONS = "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions";

    private static SparkSession local;

    private SparkSessions() {}

    /**
     * A new session of this JVM's local Spark whose catalog {@code pvw} is the Iceberg JDBC catalog on SQLite in
     * {@code directory} ({@code catalog.db}, tables under {@code warehouse/}), with Iceberg's table cache off (it would
     * serve tables as they were before another process committed). Also how tests reach a local warehouse.
     */
    public static SparkSession localSession(Path directory) {
        SparkSession session = localApplication().newSession();
        String prefix = "spark.sql.catalog." + SparkUrl.LOCAL_CATALOG;
        Path absolute = directory.toAbsolutePath();
        session.conf().set(prefix, "org.apache.iceberg.spark.SparkCatalog");
        session.conf().set(prefix + ".type", "jdbc");
        session.conf().set(prefix + ".uri", "jdbc:sqlite:" + absolute.resolve("catalog.db"));
        session.conf().set(prefix + ".jdbc.schema-version", "V1");
        session.conf()
                .set(
                        prefix + ".warehouse",
                        absolute.resolve("warehouse").toUri().toString());
        session.conf().set(prefix + ".cache-enabled", "false");
        configure(session, SparkUrl.LOCAL_CATALOG);
        return session;
    }

    /** A new session of the Spark application pvw was submitted to, whose configuration names the catalog. */
    static SparkSession submittedSession(String catalog) {
        SparkSession session = application(catalog).newSession();
        String catalogClass = session.conf().get("spark.sql.catalog." + catalog, "");
        if (catalogClass.isEmpty()) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "The Spark application has no catalog " + catalog + "; configure spark.sql.catalog." + catalog
                            + " (an Iceberg catalog) when submitting pvw, or name a configured one.");
        }
        if (!session.conf().get("spark.sql.extensions", "").contains(EXTENSIONS)) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "The Spark application lacks Iceberg's SQL extensions, which pvw's MERGE and branches need; submit"
                            + " it with --conf spark.sql.extensions=" + EXTENSIONS + ".");
        }
        if (hadoopCatalog(session, "spark.sql.catalog." + catalog)) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "The catalog " + catalog + " is a Hadoop catalog, which "
                            + WarehouseCatalog.NEEDS_NAMESPACE_PROPERTIES);
        }
        session.conf().set("spark.sql.catalog." + catalog + ".cache-enabled", "false");
        configure(session, catalog);
        return session;
    }

    /** Whether the catalog configured under {@code prefix} is Iceberg's HadoopCatalog (tables found by their paths). */
    private static boolean hadoopCatalog(SparkSession session, String prefix) {
        return session.conf().get(prefix + ".type", "").equalsIgnoreCase("hadoop")
                || session.conf().get(prefix + ".catalog-impl", "").equals("org.apache.iceberg.hadoop.HadoopCatalog");
    }

    /**
     * The Spark application pvw runs in. spark-submit hands its configuration to pvw's main class as {@code spark.*}
     * system properties and starts no session: the first one starts here, from them. Code that started Spark before
     * calling pvw has a session already.
     */
    private static SparkSession application(String catalog) {
        if (System.getProperty("spark.master") != null) {
            return SparkSession.builder().getOrCreate();
        }
        Option<SparkSession> active = SparkSession.getActiveSession();
        Option<SparkSession> started = active.isDefined() ? active : SparkSession.getDefaultSession();
        if (started.isEmpty()) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "spark:" + catalog + " names a catalog of the Spark application pvw runs in, but pvw is not"
                            + " running in one; submit pvw's Spark jar with spark-submit, or use spark:local:DIR.");
        }
        return started.get();
    }

    /** The settings every pvw session has, and the warehouse's catalog as the one unqualified names resolve in. */
    private static void configure(SparkSession session, String catalog) {
        SESSION_SETTINGS.forEach((key, value) -> session.conf().set(key, value));
        session.conf().set("spark.sql.defaultCatalog", catalog);
    }

    /** Spark in local mode in this JVM, started on first use and left running until the JVM ends. */
    private static synchronized SparkSession localApplication() {
        if (local == null) {
            int cores = Runtime.getRuntime().availableProcessors();
            SparkSession.Builder builder = SparkSession.builder()
                    .master("local[*]")
                    .appName("pvw")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.log.level", "WARN")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.extensions", EXTENSIONS)
                    .config("spark.hadoop.fs.file.impl", NioLocalFileSystem.class.getName())
                    // Hourly batches are small: a few partitions per core rather than 200 per shuffle.
                    .config("spark.sql.shuffle.partitions", Integer.toString(2 * cores));
            SESSION_SETTINGS.forEach(builder::config);
            local = builder.getOrCreate();
        }
        return local;
    }
}
