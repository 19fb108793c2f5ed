package dev.pvw.bench;

import static java.util.Objects.requireNonNull;

import dev.pvw.bench.BenchResults.TableSizes;
import dev.pvw.warehouse.SchemaMigrator;
import dev.pvw.warehouse.Warehouse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * One benchmark run, on DuckDB warehouses of its own: first the growth curves and the BI queries at the growth scale,
 * then the hourly and daily steps at the chosen scale against their bare minimums; and the process's peak memory.
 */
public final class Benchmark {
    static final String GROWTH = "bench-growth";
    static final String BRIEF = "bench-brief";

    private final BenchSettings settings;
    private final Clock clock;
    private final BenchListener listener;

    public Benchmark(BenchSettings settings, Clock clock, BenchListener listener) {
        this.settings = requireNonNull(settings, "settings");
        this.clock = requireNonNull(clock, "clock");
        this.listener = requireNonNull(listener, "listener");
    }

    public BenchResults run() {
        Machine before = Machine.now();
        long started = System.nanoTime();
        String[] engine = new String[1];
        BenchResults.Growth growth = inWarehouse(GROWTH, warehouse -> {
            engine[0] = warehouse
                    .queryOptional("bench/engine_version", Map.of(), row -> row.getString(1))
                    .orElse("unknown");
            return new GrowthPhase(settings, warehouse, clock, listener).run();
        });
        BenchResults.BriefScale brief =
                inWarehouse(BRIEF, warehouse -> new BriefScalePhase(settings, warehouse, clock, listener).run());
        return new BenchResults(
                settings,
                engine[0],
                before,
                Machine.now(),
                brief,
                growth,
                ProcessMemory.peakBytes(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** Row counts and file size of a benchmark warehouse. */
    static TableSizes sizes(Warehouse warehouse, BenchSettings settings, String name) {
        return warehouse
                .queryOptional(
                        "bench/table_sizes",
                        Map.of(),
                        row -> new TableSizes(
                                row.getLong("fact_rows"),
                                row.getLong("rollup_rows"),
                                row.getLong("current_mart_rows"),
                                row.getLong("at_view_mart_rows"),
                                row.getLong("history_rows"),
                                BenchWarehouse.fileBytes(settings, name)))
                .orElseThrow();
    }

    private <T> T inWarehouse(String name, Function<Warehouse, T> phase) {
        try {
            try (Warehouse warehouse = BenchWarehouse.create(settings, name)) {
                new SchemaMigrator(warehouse, clock).migrate();
                return phase.apply(warehouse);
            }
        } finally {
            if (!settings.keepData()) {
                BenchWarehouse.delete(settings, name);
            }
        }
    }
}
