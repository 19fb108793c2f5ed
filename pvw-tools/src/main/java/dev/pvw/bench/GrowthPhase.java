package dev.pvw.bench;

import static java.util.Objects.requireNonNull;

import dev.pvw.bench.BenchResults.GrowthDay;
import dev.pvw.bench.BenchResults.StepTime;
import dev.pvw.pipeline.BatchOutcome;
import dev.pvw.pipeline.Pipeline;
import dev.pvw.simulate.DayProgress;
import dev.pvw.simulate.ExtractGenerator;
import dev.pvw.simulate.SimulatedRun;
import dev.pvw.simulate.SimulatedSchedule;
import dev.pvw.simulate.SimulationSettings;
import dev.pvw.warehouse.Warehouse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The growth curves: {@code growthDays} days simulated at the growth scale, every run timed, the users snapshot run
 * on its own at 00:05; then the BI queries on that history, from the marts and from the naive join.
 */
final class GrowthPhase {
    private final BenchSettings settings;
    private final Warehouse warehouse;
    private final Clock clock;
    private final BenchListener listener;

    GrowthPhase(BenchSettings settings, Warehouse warehouse, Clock clock, BenchListener listener) {
        this.settings = requireNonNull(settings, "settings");
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.clock = requireNonNull(clock, "clock");
        this.listener = requireNonNull(listener, "listener");
    }

    BenchResults.Growth run() {
        SimulationSettings scenario = settings.growthScenario();
        Map<LocalDate, List<SimulatedRun>> hourly = new HashMap<>();
        Map<LocalDate, SimulatedRun> usersSteps = new HashMap<>();
        Map<LocalDate, Long> pageviews = new HashMap<>();
        Map<LocalDate, String> loads = new HashMap<>();
        Pipeline pipeline = new Pipeline(warehouse, clock, Duration.ofSeconds(5));
        try (ExtractGenerator generator = ExtractGenerator.start(warehouse, scenario, settings.dataDirectory())) {
            SimulatedSchedule schedule = new SimulatedSchedule(generator, pipeline, true);
            listener.phaseStarted(
                    String.format(
                            "Growth: %d days at %,d users and %,d pageviews a day",
                            scenario.days(), scenario.users(), scenario.pageviewsPerDay()),
                    schedule.plannedRuns());
            schedule.run(new SimulatedSchedule.Listener() {
                @Override
                public void onRun(SimulatedRun run) {
                    LocalDateTime asOf = run.report().asOf();
                    if (run.usersLanded()) {
                        usersSteps.put(asOf.toLocalDate(), run);
                    } else if (run.report().pageviews() instanceof BatchOutcome.Loaded loaded
                            && loaded.batchHour() != null) {
                        LocalDate day = loaded.batchHour().toLocalDate();
                        hourly.computeIfAbsent(day, key -> new ArrayList<>()).add(run);
                        pageviews.merge(day, loaded.countedRows(), Long::sum);
                    }
                    listener.stepDone("as of " + asOf);
                }

                @Override
                public void onDay(DayProgress day) {
                    loads.put(day.day(), Machine.now().loadAverage());
                }
            });
        }
        listener.phaseDone();

        List<GrowthDay> days = new ArrayList<>();
        for (int day = 1; day <= scenario.days(); day++) {
            LocalDate date = scenario.firstDay().plusDays(day - 1L);
            List<SimulatedRun> runs = hourly.getOrDefault(date, List.of());
            SimulatedRun snapshot = usersSteps.get(date.plusDays(1));
            days.add(new GrowthDay(
                    day,
                    new StepTime(
                            median(runs.stream().map(SimulatedRun::elapsed).toList()),
                            median(runs.stream().map(SimulatedRun::cpu).toList())),
                    snapshot == null
                            ? new StepTime(Duration.ZERO, Duration.ZERO)
                            : new StepTime(snapshot.elapsed(), snapshot.cpu()),
                    pageviews.getOrDefault(date, 0L),
                    loads.getOrDefault(date, "unknown")));
        }

        warehouse.execute("bench/checkpoint", Map.of());
        List<BiQueries.Window> windows = windows(scenario);
        listener.phaseStarted("BI queries: marts against the naive join", BiQueries.count(windows));
        List<BenchResults.BiTiming> queries =
                new BiQueries(warehouse, settings.repetitions(), listener::stepDone).measure(windows);
        listener.phaseDone();
        return new BenchResults.Growth(
                scenario.users(),
                scenario.pageviewsPerDay(),
                days,
                queries,
                Benchmark.sizes(warehouse, settings, Benchmark.GROWTH));
    }

    private static Duration median(List<Duration> timings) {
        return timings.isEmpty() ? Duration.ZERO : BenchResults.median(timings);
    }

    /** The last day, the last 28 days (or all the days there are, if fewer), and all data. */
    static List<BiQueries.Window> windows(SimulationSettings scenario) {
        LocalDateTime end = scenario.closingDay().atStartOfDay();
        int longest = Math.min(28, scenario.days());
        return List.of(
                new BiQueries.Window("1 day", end.minusDays(1), end),
                new BiQueries.Window(longest + " days", end.minusDays(longest), end),
                new BiQueries.Window("all data", null, null));
    }
}
