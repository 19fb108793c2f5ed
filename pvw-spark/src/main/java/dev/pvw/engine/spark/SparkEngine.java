package dev.pvw.engine.spark;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.warehouse.Dialect;
import dev.pvw.warehouse.OpenOptions;
import dev.pvw.warehouse.Schema;
import dev.pvw.warehouse.Warehouse;
import dev.pvw.warehouse.WarehouseUrl;
import dev.pvw.warehouse.spi.WarehouseEngine;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Apache Spark with every table an Apache Iceberg table (SPEC section 5): {@code spark:local:DIR} or
 * {@code spark:CATALOG}. This class names no Spark class, so that finding the engines through the ServiceLoader loads
 * none of Spark when the warehouse is not a Spark one; Spark is reached only through {@link SparkWarehouses}.
 */
public final class SparkEngine implements WarehouseEngine {
    /** Classes the engine needs at run time, which pvw.jar leaves to ./pvw's class path or the Spark application. */
    private static final String[] REQUIRED_CLASSES = {
        "org.apache.spark.sql.SparkSession", "org.apache.iceberg.spark.SparkCatalog"
    };

    @Override
    public Dialect dialect() {
        return new SparkDialect();
    }

    @Override
    public boolean accepts(String url) {
        return url.startsWith(SparkUrl.PREFIX);
    }

    @Override
    public String urlForm() {
        return SparkUrl.FORM;
    }

    /** A relative DIR of {@code spark:local:DIR} is taken in the working directory, as a DuckDB file's path is. */
    @Override
    public WarehouseUrl inWorkingDirectory(WarehouseUrl url, Path directory) {
        if (!url.value().startsWith(SparkUrl.LOCAL_PREFIX)
                || !(SparkUrl.parse(url) instanceof SparkUrl.Local local)
                || local.directory().isAbsolute()) {
            return url;
        }
        return new WarehouseUrl(SparkUrl.LOCAL_PREFIX + directory.resolve(local.directory()), url.engine());
    }

    @Override
    public Warehouse open(WarehouseUrl url, OpenOptions options) {
        if (!options.engineSettings().isEmpty()) {
            throw new PvwException(
                    ErrorCode.USAGE,
                    "The --duckdb-* options apply to DuckDB warehouses, not to " + url.redacted()
                            + "; size Spark with spark.driver.memory and spark.executor.memory instead.");
        }
        SparkUrl spark = SparkUrl.parse(url);
        requireSpark(url);
        if (spark instanceof SparkUrl.Local local
                && !options.createIfMissing()
                && !Files.exists(local.catalogDatabase())) {
            // Opening the catalog would create its SQLite file: a reading command looks first and creates nothing.
            throw Schema.notCreated(url);
        }
        return SparkWarehouses.open(url, spark, options);
    }

    private static void requireSpark(WarehouseUrl url) {
        ClassLoader loader = SparkEngine.class.getClassLoader();
        for (String name : REQUIRED_CLASSES) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                throw new PvwException(
                        ErrorCode.FAILURE,
                        "Spark and Iceberg are not on the class path, which " + url.redacted() + " needs (" + name
                                + " is missing); run pvw through ./pvw, which adds them for a spark: warehouse, or"
                                + " submit pvw's Spark jar to a Spark application with spark-submit.",
                        e);
            }
        }
    }
}
