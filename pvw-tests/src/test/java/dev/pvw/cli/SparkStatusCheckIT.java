package dev.pvw.cli;

import dev.pvw.testing.FastTierSample;
import dev.pvw.testing.SparkTestingEngine;
import dev.pvw.testing.TestingEngine;

/**
 * {@code status --check} on Spark with Iceberg tables, where a run marked running may be at work in another process (no
 * process holds the warehouse). The fast tier reads the health of a new warehouse (no run); the full tier runs all.
 */
@FastTierSample("aNewWarehouseHasNeitherBatchNorSnapshot")
class SparkStatusCheckIT extends AbstractStatusCheckIT {
    @Override
    TestingEngine engine() {
        return SparkTestingEngine.SPARK;
    }

    @Override
    boolean runningMeansInterrupted() {
        return false;
    }
}
