package dev.pvw.quality;

import dev.pvw.testing.FastTierSample;
import dev.pvw.testing.SparkTestingEngine;
import dev.pvw.testing.TestingEngine;

/**
 * The checks on Spark with Iceberg tables, in the full tier only: every run of the other Spark suites runs the twelve
 * checks over what it touched, and this suite's set-up alone is two runs, more than the fast tier's budget.
 */
@FastTierSample({})
class SparkChecksIT extends AbstractChecksIT {
    @Override
    TestingEngine engine() {
        return SparkTestingEngine.SPARK;
    }
}
