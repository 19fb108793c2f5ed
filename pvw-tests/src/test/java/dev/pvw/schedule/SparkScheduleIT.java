package dev.pvw.schedule;

import dev.pvw.testing.FastTierSample;
import dev.pvw.testing.SparkTestingEngine;
import dev.pvw.testing.TestingEngine;

/**
 * The scheduler on Spark with Iceberg tables, in the full tier only: what it adds to a run (a warehouse opened per
 * attempt, retries) is the same on every engine, and its shortest test is two runs, more than the fast tier's budget.
 */
@FastTierSample({})
class SparkScheduleIT extends AbstractScheduleIT {
    @Override
    TestingEngine engine() {
        return SparkTestingEngine.SPARK;
    }
}
