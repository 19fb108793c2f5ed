package dev.pvw.schedule;

import dev.pvw.testing.FastTierSample;
import dev.pvw.testing.SparkTestingEngine;
import dev.pvw.testing.TestingEngine;

/** The scheduler on Spark with Iceberg tables: the fast tier runs a stop during the day, the full tier a whole day. */
@FastTierSample("aStopDuringTheDayEndsTheSchedulerAfterTheRunInFlightWithEverythingCommitted")
class SparkScheduleIT extends AbstractScheduleIT {
    @Override
    TestingEngine engine() {
        return SparkTestingEngine.SPARK;
    }
}
