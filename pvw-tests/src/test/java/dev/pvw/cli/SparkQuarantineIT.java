package dev.pvw.cli;

import dev.pvw.testing.FastTierSample;
import dev.pvw.testing.SparkTestingEngine;
import dev.pvw.testing.TestingEngine;

/**
 * The quarantine's listing, counts and retention on Spark with Iceberg tables, in the full tier only for the fast
 * tier's time: there SparkCliIT's status test quarantines a row on Spark.
 */
@FastTierSample({})
class SparkQuarantineIT extends AbstractQuarantineIT {
    @Override
    TestingEngine engine() {
        return SparkTestingEngine.SPARK;
    }
}
