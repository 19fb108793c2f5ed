package dev.pvw.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.FastTierSample;
import dev.pvw.testing.MartRow;
import dev.pvw.testing.SparkTestingEngine;
import dev.pvw.testing.TestingEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SPEC rules on Spark in local mode, with every table an Iceberg table. A run takes seconds there, so the fast
 * tier runs the test of Spark's own below, which goes through the Spark-specific statements (the MERGEs, the
 * fingerprints, the work tables) in three runs: a move and a user named late, a same-day replacement of the snapshot and
 * a replaced batch (in the fast tier a row is quarantined on Spark by SparkCliIT's status test); the full tier runs
 * every rule on its own.
 */
@FastTierSample("aReattributionAddsDeleteFilesAndRewritesNoDataFileThenASameDaySnapshotAndBatchReplaceTheirs")
class SparkSpecRulesIT extends AbstractSpecRulesIT {
    @Override
    TestingEngine engine() {
        return SparkTestingEngine.SPARK;
    }

    /**
     * SPEC section 5's physical design: the fact and the per-user-hour rollup are merge-on-read (schema V4), so that
     * correcting a few users' rows in a day (here an unknown user's postcode at view, once a snapshot names the user)
     * adds small delete files beside the day's data rather than rewriting every data file that holds such a row. A
     * second user moves in the same run, which corrects the current mart only (SPEC section 3). Then the same day's
     * users extract is loaded again (the move did not happen, and a new user does not exist after all) with a batch
     * of other content for the hour already loaded, which replaces it (SPEC section 2).
     */
    @Test
    void aReattributionAddsDeleteFilesAndRewritesNoDataFileThenASameDaySnapshotAndBatchReplaceTheirs() {
        warehouse.landUsers(List.of(user(2, "Z"), user(3, "P")));
        warehouse.landPageviews(List.of(
                view(1, "2026-01-01T10:00:00"), view(1, "2026-01-01T10:10:00"), view(3, "2026-01-01T10:20:00")));
        warehouse.run("2026-01-01T11:05:00", 0);
        warehouse.landUsers(List.of(user(1, "a"), user(2, "Z"), user(3, "Q"), user(4, "D")));
        warehouse.landPageviews(List.of(view(1, "2026-01-02T10:00:00"), view(4, "2026-01-02T10:00:00")));
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
                        row("2026-01-02T10:00", "A", 1),
                        row("2026-01-02T10:00", "D", 1));
        assertThat(warehouse.currentMart())
                .containsExactly(
                        row("2026-01-01T10:00", "A", 2),
                        row("2026-01-01T10:00", "Q", 1),
                        row("2026-01-02T10:00", "A", 1),
                        row("2026-01-02T10:00", "D", 1));
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.pageview_fact WHERE postcode_at_view IS NULL"))
                .isZero();

        warehouse.landUsers(List.of(user(1, "a"), user(2, "Z"), user(3, "P")));
        warehouse.landPageviews(List.of(
                view(1, "2026-01-02T10:00:00"), view(4, "2026-01-02T10:00:00"), view(2, "2026-01-02T10:30:00")));
        warehouse.run("2026-01-02T11:35:00", 0);

        List<MartRow> expected = List.of(
                row("2026-01-01T10:00", "A", 2),
                row("2026-01-01T10:00", "P", 1),
                row("2026-01-02T10:00", null, 1),
                row("2026-01-02T10:00", "A", 1),
                row("2026-01-02T10:00", "Z", 1));
        assertThat(warehouse.atViewMart()).isEqualTo(expected);
        assertThat(warehouse.currentMart()).isEqualTo(expected);
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.users_snapshots WHERE replaced_by IS NULL"))
                .isEqualTo(2);
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.user_postcode_history"))
                .as("one version each of users 1, 2 and 3")
                .isEqualTo(3);
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.pageview_batches WHERE replaced_by IS NULL"))
                .isEqualTo(2);
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.pageview_fact"))
                .isEqualTo(6);
    }
}
