package dev.pvw.bench;

import static java.util.Objects.requireNonNull;

import dev.pvw.bench.BenchResults.FreshProcesses;
import dev.pvw.bench.BenchResults.ProcessRun;
import dev.pvw.simulate.ExtractGenerator;
import dev.pvw.simulate.SimulatedSchedule;
import dev.pvw.warehouse.Warehouse;
import dev.pvw.warehouse.WarehouseUrl;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The steps as a scheduler runs them, on the steps' warehouse after the in-process measurements: each users snapshot
 * and each hourly batch landed, then its bare minimum and a {@code pvw run} each started as a process of their own
 * with the warehouse closed in the benchmark's process (DuckDB lets one process hold the file, and a local Spark
 * warehouse one run at a time); then runs with nothing new. The extracts are generated beforehand, while the simulation runs, and set aside in the warehouse ({@link
 * #stash}).
 */
final class FreshProcessPhase {
    /** Minutes past the hour of the runs with nothing new, after the last hourly one. */
    private static final int NO_OP_MINUTE = 30;

    private final BenchSettings settings;
    private final BenchWarehouses warehouses;
    private final FreshProcess process;
    private final BenchListener listener;

    FreshProcessPhase(BenchSettings settings, FreshProcess process, BenchListener listener) {
        this.settings = requireNonNull(settings, "settings");
        this.warehouses = BenchWarehouses.of(settings);
        this.process = requireNonNull(process, "process");
        this.listener = requireNonNull(listener, "listener");
    }

    /**
     * What the phase will land: users extracts for {@code days} days after {@code lastDay}, then {@code hours} average
     * hours of the last of those days.
     */
    record Plan(LocalDate firstDay, int days, int hours) {
        LocalDate lastDay() {
            return firstDay.plusDays(days - 1);
        }

        LocalDateTime hourlyAsOf(int batch) {
            return lastDay().atTime(batch, SimulatedSchedule.MINUTES_PAST_THE_HOUR);
        }
    }

    /**
     * Lands the plan's extracts through the generator and sets each aside; batch 0 is the pageviews extract as it is
     * now, a batch already loaded, which stays beside each users snapshot as it did in the warm daily step.
     */
    static Plan stash(Warehouse warehouse, ExtractGenerator generator, LocalDate lastDay, int days, int hours) {
        Plan plan = new Plan(lastDay.plusDays(1), days, hours);
        warehouse.execute("bench/create_stash", Map.of());
        warehouse.update("bench/stash_pageviews", Map.of("batch", 0));
        for (int day = 1; day <= days; day++) {
            generator.landUsers(plan.firstDay().plusDays(day - 1));
            warehouse.update("bench/stash_users", Map.of("day", day));
        }
        for (int batch = 1; batch <= hours; batch++) {
            LocalDateTime hourStart = plan.lastDay().atTime(batch - 1, 0);
            generator.landAverageHour(hourStart, plan.hourlyAsOf(batch));
            warehouse.update("bench/stash_pageviews", Map.of("batch", batch));
        }
        warehouse.execute("bench/checkpoint", Map.of());
        return plan;
    }

    /** Runs the plan; the warehouse must be closed in this process. */
    FreshProcesses run(Plan plan) {
        listener.phaseStarted(
                "Fresh processes: each step as a new pvw run, and its bare minimum, as a scheduler starts them",
                2L * plan.days() + 2L * plan.hours() + settings.repetitions());
        List<ProcessRun> daily = new ArrayList<>();
        List<ProcessRun> dailyBare = new ArrayList<>();
        for (int day = 1; day <= plan.days(); day++) {
            int users = day;
            land(warehouse -> {
                warehouse.update("simulate/clear_users_extract", Map.of());
                warehouse.update("bench/unstash_users", Map.of("day", users));
                warehouse.update("simulate/clear_pageviews_extract", Map.of());
                warehouse.update("bench/unstash_pageviews", Map.of("batch", 0));
            });
            dailyBare.add(bare(BareMinimum.DAILY, "daily-bare-" + day));
            LocalDateTime asOf = plan.firstDay().plusDays(day - 1).atTime(0, SimulatedSchedule.MINUTES_PAST_THE_HOUR);
            daily.add(run("daily-" + day, asOf));
            listener.stepDone("users step " + day + " of " + plan.days() + " as a process");
        }
        List<ProcessRun> hourly = new ArrayList<>();
        List<ProcessRun> hourlyBare = new ArrayList<>();
        for (int batch = 1; batch <= plan.hours(); batch++) {
            int pageviews = batch;
            land(warehouse -> {
                warehouse.update("simulate/clear_pageviews_extract", Map.of());
                warehouse.update("bench/unstash_pageviews", Map.of("batch", pageviews));
            });
            hourlyBare.add(bare(BareMinimum.HOURLY, "hourly-bare-" + batch));
            hourly.add(run("hourly-" + batch, plan.hourlyAsOf(batch)));
            listener.stepDone("hourly step " + batch + " of " + plan.hours() + " as a process");
        }
        List<ProcessRun> noOp = new ArrayList<>();
        for (int repetition = 1; repetition <= settings.repetitions(); repetition++) {
            LocalDateTime asOf = plan.lastDay().atTime(plan.hours(), NO_OP_MINUTE + repetition);
            noOp.add(run("no-op-" + repetition, asOf));
            listener.stepDone("run with nothing new " + repetition + " of " + settings.repetitions());
        }
        land(warehouse -> warehouse.execute("bench/drop_stash", Map.of()));
        listener.phaseDone();
        return new FreshProcesses(process.description(), hourly, hourlyBare, daily, dailyBare, noOp);
    }

    private ProcessRun run(String name, LocalDateTime asOf) {
        List<String> arguments = new ArrayList<>(warehouses.processOptions());
        arguments.addAll(List.of("run", "--as-of", asOf.toString()));
        return process.run(directory(), name, arguments, warehouse());
    }

    private ProcessRun bare(BareMinimum step, String name) {
        List<String> arguments = new ArrayList<>(warehouses.processOptions());
        arguments.addAll(List.of("bench-bare-minimum", step.argument()));
        return process.run(directory(), name, arguments, warehouse());
    }

    /**
     * The warehouse as a scheduler gives it to pvw: in {@code PVW_WAREHOUSE}, so that a password in the URL is in no
     * command line.
     */
    private Map<String, String> warehouse() {
        return Map.of(
                WarehouseUrl.ENVIRONMENT_VARIABLE,
                warehouses.url(Benchmark.BRIEF).value());
    }

    private Path directory() {
        return settings.dataDirectory();
    }

    /** Lands extracts in the warehouse, opened in this process for that alone, and writes them to its file. */
    private void land(java.util.function.Consumer<Warehouse> landing) {
        try (Warehouse warehouse = warehouses.open(Benchmark.BRIEF)) {
            warehouse.inTransaction(() -> {
                landing.accept(warehouse);
                return 0;
            });
            warehouse.execute("bench/checkpoint", Map.of());
        }
    }
}
