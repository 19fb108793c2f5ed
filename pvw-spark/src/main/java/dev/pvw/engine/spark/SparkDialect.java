package dev.pvw.engine.spark;

import dev.pvw.warehouse.Dialect;
import dev.pvw.warehouse.LoadFormat;
import java.util.Optional;

/** Spark with Iceberg tables: no process holds the warehouse, no roles, Spark's own settings for space and memory. */
final class SparkDialect implements Dialect {
    static final String NAME = "spark";

    @Override
    public String name() {
        return NAME;
    }

    /** Several processes, on several machines, may open a catalog at once; runs are kept apart by the run lock only. */
    @Override
    public boolean locksWarehouseOnOpen() {
        return false;
    }

    @Override
    public boolean supportsRoles() {
        return false;
    }

    /** Iceberg tables gain a file per commit and keep every snapshot until expired. */
    @Override
    public Optional<LoadFormat> loadFormat() {
        return Optional.of(LoadFormat.PARQUET);
    }

    @Override
    public boolean needsTableMaintenance() {
        return true;
    }

    @Override
    public String readAccessAdvice() {
        return "give BI tools read access to the mart namespace in the Iceberg catalog or in the query engine they use"
                + " (Trino, Snowflake, Athena, Spark) instead";
    }

    @Override
    public String spaceSettings() {
        return "the disk or object store of the Iceberg warehouse, and spark.local.dir where Spark spills";
    }

    @Override
    public String memorySettings() {
        return "spark.driver.memory and spark.executor.memory; for spark:local, -Xmx in PVW_JAVA_OPTS";
    }

    /** Spark SQL quotes identifiers with backticks. */
    @Override
    public String quoteIdentifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
