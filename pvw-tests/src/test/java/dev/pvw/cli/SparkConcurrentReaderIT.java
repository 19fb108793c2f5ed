package dev.pvw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.FastTierSample;
import dev.pvw.testing.MartRow;
import dev.pvw.testing.PageviewRow;
import dev.pvw.testing.SparkTestingEngine;
import dev.pvw.testing.TestingWarehouse;
import dev.pvw.testing.UserRow;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC section 5 from a reader's side: a second, independent Spark session reads both marts from the catalog over and
 * over while runs go on, and every read finds the mart exactly as some run left it, never part-way through one. The
 * runs move users (a re-attribution rewrites both the current mart's old hours and its new one) and add hours.
 */
// Full tier only, for the fast tier's time (three runs beside a reader: minutes on Spark).
@FastTierSample({})
class SparkConcurrentReaderIT {
    private static final List<String> MARTS =
            List.of("mart.pageviews_hourly_by_current_postcode", "mart.pageviews_hourly_by_postcode_at_view");

    @TempDir
    Path directory;

    @Test
    void aReaderSeesEachMartAsOneRunLeftItWhileRunsGoOn() throws Exception {
        TestingWarehouse warehouse = TestingWarehouse.initialized(SparkTestingEngine.SPARK, directory);
        // What each mart holds after each run, as the runs' own thread reads it once the run is over.
        List<Set<List<MartRow>>> committed = List.of(new LinkedHashSet<>(), new LinkedHashSet<>());
        List<List<List<MartRow>>> seen = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        record(warehouse, committed);
        AtomicBoolean running = new AtomicBoolean(true);
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (running.get()) {
                for (int mart = 0; mart < MARTS.size(); mart++) {
                    seen.get(mart).add(warehouse.mart(MARTS.get(mart)));
                }
            }
        });

        for (int run = 1; run <= 3; run++) {
            // Every user moves on each day, and each run brings the next day's hour.
            warehouse.landUsers(List.of(new UserRow(1L, "A" + run), new UserRow(2L, "B" + run), new UserRow(3L, "C")));
            LocalDateTime hour = LocalDateTime.parse("2026-01-05T00:00:00").plusDays(run - 1);
            warehouse.landPageviews(List.of(
                    new PageviewRow(1L, "/home", hour.plusMinutes(5)),
                    new PageviewRow(2L, "/home", hour.plusMinutes(10)),
                    new PageviewRow(3L, "/about", hour.plusMinutes(15))));
            warehouse.run(hour.plusMinutes(65).toString(), 0);
            record(warehouse, committed);
        }
        running.set(false);
        reader.get();

        for (int mart = 0; mart < MARTS.size(); mart++) {
            assertThat(committed.get(mart))
                    .as("%s changes with every run", MARTS.get(mart))
                    .hasSize(4);
            assertThat(seen.get(mart))
                    .as("reads of %s while runs went on", MARTS.get(mart))
                    .hasSizeGreaterThan(3);
            List<List<MartRow>> partWay = new ArrayList<>(seen.get(mart));
            partWay.removeAll(committed.get(mart));
            assertThat(partWay)
                    .as("%s read part-way through a run", MARTS.get(mart))
                    .isEmpty();
        }
    }

    private static void record(TestingWarehouse warehouse, List<Set<List<MartRow>>> committed) {
        for (int mart = 0; mart < MARTS.size(); mart++) {
            committed.get(mart).add(warehouse.mart(MARTS.get(mart)));
        }
    }
}
