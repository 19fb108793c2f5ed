package dev.pvw.bench;

import dev.pvw.testing.FastTierSample;
import dev.pvw.testing.SparkTestingEngine;
import dev.pvw.testing.TestingEngine;
import java.util.List;

/**
 * {@code pvw bench --engine spark} in local mode, in the full tier only: about seventy runs of a few seconds each on
 * Spark, and fresh processes that each start Spark, are more than the fast tier's budget for Spark.
 */
@FastTierSample({})
class SparkBenchIT extends AbstractBenchIT {
    @Override
    TestingEngine engine() {
        return SparkTestingEngine.SPARK;
    }

    @Override
    List<String> engineOptions() {
        return List.of("--engine", "spark");
    }

    @Override
    List<String> targets() {
        return List.of();
    }

    @Override
    List<String> engineDescription() {
        return List.of("- Engine: Spark 4.", "in local mode, Iceberg tables", "None is set on this engine");
    }
}
