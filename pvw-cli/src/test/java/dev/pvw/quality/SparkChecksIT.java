package dev.pvw.quality;

import dev.pvw.testing.FastTierSample;
import dev.pvw.testing.SparkTestingEngine;
import dev.pvw.testing.TestingEngine;

/**
 * The checks on Spark with Iceberg tables. The fast tier runs every check of a healthy warehouse, over the last run and
 * over everything (each check's query on Spark); the full tier runs every corruption and the runs whose checks fail.
 */
@FastTierSample("aHealthyWarehousePassesEveryCheckAndSaysWhatItLookedAt")
class SparkChecksIT extends AbstractChecksIT {
    @Override
    TestingEngine engine() {
        return SparkTestingEngine.SPARK;
    }
}
