package dev.pvw.quality;

import dev.pvw.testing.FastTierSample;
import dev.pvw.testing.SparkTestingEngine;
import dev.pvw.testing.TestingEngine;
import java.util.Map;

/**
 * Hostile input on Spark with Iceberg tables: the extract tables' shape is read from the Iceberg schema, which names
 * types as Iceberg does. The fast tier runs a renamed column, read from the catalog's schema as only Spark reads it;
 * the full tier runs every test.
 */
// Full tier only: its set-up (the committed warehouse every test copies) takes minutes on Spark; SparkCliIT's
// sample and every Spark run still check the extracts' columns in the fast tier.
@FastTierSample({})
class SparkHostileInputIT extends AbstractHostileInputIT {
    /** Spark SQL's names for the types the tests write, where they differ. */
    private static final Map<String, String> SPARK_TYPES = Map.of(
            "VARCHAR", "STRING",
            "TEXT", "STRING",
            "TIMESTAMP WITH TIME ZONE", "TIMESTAMP_LTZ",
            "DOUBLE PRECISION", "DOUBLE");

    /** Iceberg's names of the types, as pvw reads them from the table's schema. */
    private static final Map<String, String> ICEBERG_TYPES = Map.of(
            "VARCHAR", "string",
            "INTEGER", "int",
            "TIMESTAMP WITH TIME ZONE", "timestamptz",
            "DATE", "date",
            "DOUBLE PRECISION", "double");

    @Override
    TestingEngine engine() {
        return SparkTestingEngine.SPARK;
    }

    @Override
    String shownType(String sqlType) {
        return ICEBERG_TYPES.get(sqlType);
    }

    @Override
    String columnType(String sqlType) {
        return SPARK_TYPES.getOrDefault(sqlType, sqlType);
    }

    /** Spark has no generate_series; its table function range(start, end) ends before end. */
    @Override
    String rowsFrom(long rows) {
        return "range(1, " + (rows + 1) + ")";
    }
}
