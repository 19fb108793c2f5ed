package dev.pvw.pipeline;

import dev.pvw.testing.FastTierSample;
import dev.pvw.testing.SparkTestingEngine;
import dev.pvw.testing.TestingEngine;

/**
 * The SPEC rules on Spark in local mode, with every table an Iceberg table. A run takes seconds there, so the fast
 * tier runs a sample that goes through the Spark-specific statements (the MERGEs, the fingerprints, the work tables, a
 * same-day replacement, a replaced batch; in the fast tier a row is quarantined on Spark by SparkCliIT's status test);
 * the full tier runs every rule.
 */
@FastTierSample({
    "aNewSnapshotOnTheSameDayReplacesTheLastOne",
    "aMoveCorrectsTheCurrentMartOverAllHistoryButNotThePostcodeAtView",
    "aBatchWithDifferentContentForAnHourReplacesIt"
})
class SparkSpecRulesIT extends AbstractSpecRulesIT {
    @Override
    TestingEngine engine() {
        return SparkTestingEngine.SPARK;
    }
}
