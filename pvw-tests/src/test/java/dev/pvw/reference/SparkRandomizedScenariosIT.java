package dev.pvw.reference;

import dev.pvw.testing.FastTierSample;
import dev.pvw.testing.SparkTestingEngine;

/**
 * The randomised scenarios on Spark with Iceberg tables, in the full tier only, two seeds of their own
 * ({@link RandomScenario#FULL_SEEDS}): a scenario is 45 runs, minutes on Spark, more than the fast tier's budget.
 */
@FastTierSample({})
class SparkRandomizedScenariosIT extends AbstractRandomizedScenariosIT {
    SparkRandomizedScenariosIT() {
        super(SparkTestingEngine.SPARK);
    }
}
