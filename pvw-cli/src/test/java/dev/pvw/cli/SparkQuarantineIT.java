package dev.pvw.cli;

import dev.pvw.testing.FastTierSample;
import dev.pvw.testing.SparkTestingEngine;
import dev.pvw.testing.TestingEngine;

/**
 * The quarantine's listing, counts and retention on Spark with Iceberg tables; the fast tier lists two runs'
 * quarantine, the full tier runs every test (the retention's deletion among them).
 */
// Full tier only, for the fast tier's time: SparkSpecRulesIT's sample quarantines rows on Spark.
@FastTierSample({})
class SparkQuarantineIT extends AbstractQuarantineIT {
    @Override
    TestingEngine engine() {
        return SparkTestingEngine.SPARK;
    }
}
