package dev.pvw.bench;

import static java.util.Objects.requireNonNull;

import dev.pvw.bench.BenchResults.TableSizes;
import dev.pvw.warehouse.SchemaMigrator;
import dev.pvw.warehouse.Warehouse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One benchmark run, on warehouses of its own on the engine measured: first the growth curves and the BI queries at
 * the growth scale, then the hourly and daily steps at the chosen scale against their bare minimums; and the
 * process's peak memory.
 */
public final class Benchmark {
    static final String GROWTH = "bench-growth";
    static final String BRIEF = "bench-brief";

    private final BenchSettings settings;
    private final Clock clock;
    private final BenchListener listener;
    private final Optional<FreshProcess> freshProcess;

    public Benchmark(BenchSettings settings, Clock clock, BenchListener listener) {
        this(settings, clock, listener, Optional.empty());
    }

    /** With {@code freshProcess}, also runs the steps as fresh processes started that way. */
    public Benchmark(BenchSettings settings, Clock clock, BenchListener listener, Optional<FreshProcess> freshProcess) {
        this.settings = requireNonNull(settings, "settings");
        this.clock = requireNonNull(clock, "clock");
        this.listener = requireNonNull(listener, "listener");
        this.freshProcess = requireNonNull(freshProcess, "freshProcess");
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
        Optional<BenchResults.FreshProcesses> fresh = Optional.empty();
        BenchResults.BriefScale brief;
        try {
            BriefScalePhase phase;
            try (Warehouse warehouse = openAfresh(BRIEF)) {
                phase = new BriefScalePhase(settings, warehouse, clock, listener, freshProcess.isPresent());
                brief = phase.run();
            }
            if (freshProcess.isPresent() && phase.plan().isPresent()) {
                fresh = Optional.of(new FreshProcessPhase(settings, freshProcess.get(), listener)
                        .run(phase.plan().get()));
            }
        } finally {
            deleteUnlessKept(BRIEF);
        }
        return new BenchResults(
                settings,
                engine[0],
                before,
                Machine.now(),
                brief,
                growth,
                ProcessMemory.peakBytes(),
                Duration.ofNanos(System.nanoTime() - started),
                fresh);
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
                                BenchWarehouses.of(settings).bytes(warehouse, name)))
                .orElseThrow();
    }

    private <T> T inWarehouse(String name, Function<Warehouse, T> phase) {
        try {
            try (Warehouse warehouse = openAfresh(name)) {
                return phase.apply(warehouse);
            }
        } finally {
            deleteUnlessKept(name);
        }
    }

    private Warehouse openAfresh(String name) {
        Warehouse warehouse = BenchWarehouses.of(settings).create(name);
        try {
            new SchemaMigrator(warehouse, clock).migrate();
            return warehouse;
        } catch (RuntimeException e) {
            warehouse.close();
            throw e;
        }
    }

    private void deleteUnlessKept(String name) {
        if (!settings.keepData()) {
            BenchWarehouses.of(settings).delete(name);
        }
    }
}
