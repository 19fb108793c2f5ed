package dev.pvw.bench;

import dev.pvw.testing.FastTierSample;
import dev.pvw.testing.SparkTestingEngine;
import dev.pvw.testing.TestingEngine;
import java.util.List;

/**
 * {@code pvw bench --engine spark} in local mode, in the full tier only: some eighty runs of tens of seconds each
 * on two cores, and five fresh processes that each start Spark (an hour in all at a load of eight), are far more than
 * the fast tier's budget for Spark.
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

    /** Two days in both tiers: a week would be some 170 runs of seconds each. */
    @Override
    int growthDays() {
        return 2;
    }

    /** Once each: a Spark process of its own takes minutes to start on two cores. */
    @Override
    String repetitions() {
        return "1";
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
