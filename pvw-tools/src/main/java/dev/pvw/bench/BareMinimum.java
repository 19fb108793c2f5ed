package dev.pvw.bench;

import dev.pvw.warehouse.Warehouse;
import java.util.Locale;
import java.util.Map;

/**
 * The least any solution must do for a step, against which {@code pvw bench} compares pvw's: timed in the benchmark's
 * process, and as a process of its own ({@code pvw bench-bare-minimum}) beside a fresh {@code pvw run}.
 */
public enum BareMinimum {
    /** Append the pageviews extract to a plain table, and aggregate it once by hour and current postcode. */
    HOURLY {
        @Override
        public void run(Warehouse warehouse) {
            warehouse.inTransaction(() -> {
                warehouse.update("bench/bare_append", Map.of());
                return warehouse.update("bench/bare_aggregate", Map.of());
            });
        }
    },
    /** One full outer join of the users extract (postcodes normalised) with the users' current postcodes. */
    DAILY {
        @Override
        public void run(Warehouse warehouse) {
            warehouse.execute("bench/bare_snapshot", Map.of());
        }
    };

    /** Does the step's bare minimum on what the extract tables hold now. */
    public abstract void run(Warehouse warehouse);

    /** The name on the command line: {@code hourly} or {@code daily}. */
    public String argument() {
        return name().toLowerCase(Locale.ROOT);
    }
}
