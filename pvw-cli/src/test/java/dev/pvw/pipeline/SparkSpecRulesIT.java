package dev.pvw.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.FastTierSample;
import dev.pvw.testing.SparkTestingEngine;
import dev.pvw.testing.TestingEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SPEC rules on Spark in local mode, with every table an Iceberg table. A run takes seconds there, so the fast
 * tier runs a sample that goes through the Spark-specific statements (the MERGEs, the fingerprints, the work tables, a
 * same-day replacement, a replaced batch, a move and a user named late, in the test of Spark's own below; in the fast
 * tier a row is quarantined on Spark by SparkCliIT's status test); the full tier runs every rule.
 */
@FastTierSample({
    "aNewSnapshotOnTheSameDayReplacesTheLastOne",
    "aBatchWithDifferentContentForAnHourReplacesIt",
    "aReattributionAddsDeleteFilesToTheFactAndTheRollupAndRewritesNoDataFile"
})
class SparkSpecRulesIT extends AbstractSpecRulesIT {
    @Override
    TestingEngine engine() {
        return SparkTestingEngine.SPARK;
    }

    /**
     * SPEC section 5's physical design: the fact and the per-user-hour rollup are merge-on-read (schema V4), so that
     * correcting a few users' rows in a day (here an unknown user's postcode at view, once a snapshot names the user)
     * adds small delete files beside the day's data rather than rewriting every data file that holds such a row. A
     * second user moves in the same run, which corrects the current mart only (SPEC section 3).
     */
    @Test
    void aReattributionAddsDeleteFilesToTheFactAndTheRollupAndRewritesNoDataFile() {
        warehouse.landUsers(List.of(user(2, "Z"), user(3, "P")));
        warehouse.landPageviews(List.of(
                view(1, "2026-01-01T10:00:00"), view(1, "2026-01-01T10:10:00"), view(3, "2026-01-01T10:20:00")));
        warehouse.run("2026-01-01T11:05:00", 0);
        warehouse.landUsers(List.of(user(1, "a"), user(2, "Z"), user(3, "Q")));
        warehouse.landPageviews(List.of(view(1, "2026-01-02T10:00:00")));
        warehouse.run("2026-01-02T11:05:00", 0);

        for (String table : List.of("core.pageview_fact", "core.pageview_user_hours")) {
            assertThat(warehouse.queryLong("SELECT count(*) FROM " + table + ".delete_files"))
                    .as("delete files of %s", table)
                    .isPositive();
            assertThat(warehouse.queryLong("SELECT count(*) FROM " + table
                            + ".snapshots WHERE summary['deleted-data-files'] IS NOT NULL"))
                    .as("snapshots of %s that took a data file away", table)
                    .isZero();
        }
        assertThat(warehouse.atViewMart())
                .containsExactly(
                        row("2026-01-01T10:00", "A", 2),
                        row("2026-01-01T10:00", "P", 1),
                        row("2026-01-02T10:00", "A", 1));
        assertThat(warehouse.currentMart())
                .containsExactly(
                        row("2026-01-01T10:00", "A", 2),
                        row("2026-01-01T10:00", "Q", 1),
                        row("2026-01-02T10:00", "A", 1));
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.pageview_fact WHERE postcode_at_view IS NULL"))
                .isZero();
    }
}
