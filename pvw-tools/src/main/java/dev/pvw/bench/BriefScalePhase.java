package dev.pvw.bench;

import static java.util.Objects.requireNonNull;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.bench.BenchResults.SnapshotChanges;
import dev.pvw.pipeline.BatchOutcome;
import dev.pvw.pipeline.Pipeline;
import dev.pvw.pipeline.RunReport;
import dev.pvw.pipeline.SnapshotOutcome;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The steps at the chosen scale: after {@code days} simulated days, batches of a 24th of a day each timed through the
 * pipeline and through the bare minimum, then users snapshots with the brief's daily changes, the same way; and the
 * BI queries from the marts and from the naive join.
 */
final class BriefScalePhase {
    /** Each users snapshot is a new day, and each takes long at the brief's scale: a few are enough for a median. */
    private static final int MAX_SNAPSHOTS = 3;

    private final BenchSettings settings;
    private final Warehouse warehouse;
    private final Clock clock;
    private final BenchListener listener;
    private final boolean freshProcesses;
    private Optional<FreshProcessPhase.Plan> plan = Optional.empty();

    /** With {@code freshProcesses}, also sets aside the extracts of the fresh-process runs ({@link #plan()}). */
    BriefScalePhase(
            BenchSettings settings, Warehouse warehouse, Clock clock, BenchListener listener, boolean freshProcesses) {
        this.settings = requireNonNull(settings, "settings");
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.clock = requireNonNull(clock, "clock");
        this.listener = requireNonNull(listener, "listener");
        this.freshProcesses = freshProcesses;
    }

    /** What the fresh-process runs will land, once {@link #run()} has set it aside. */
    Optional<FreshProcessPhase.Plan> plan() {
        return plan;
    }

    BenchResults.BriefScale run() {
        SimulationSettings scenario = settings.briefScenario();
        Pipeline pipeline = new Pipeline(warehouse, clock, Duration.ofSeconds(5));
        warehouse.execute("bench/create_bare_tables", Map.of());
        List<Duration> historyRuns = new ArrayList<>();
        List<Duration> hourlySteps = new ArrayList<>();
        List<Duration> hourlyBare = new ArrayList<>();
        List<Duration> dailySteps = new ArrayList<>();
        List<Duration> dailyBare = new ArrayList<>();
        List<SnapshotOutcome.Accepted> snapshots = new ArrayList<>();
        long batchRows = 0;
        int snapshotCount = Math.min(MAX_SNAPSHOTS, settings.repetitions());
        try (ExtractGenerator generator = ExtractGenerator.start(warehouse, scenario, settings.dataDirectory())) {
            SimulatedSchedule schedule = new SimulatedSchedule(generator, pipeline, true);
            listener.phaseStarted(
                    String.format(
                            "Brief scale: %d day(s) at %,d users and %,d pageviews a day, then the steps",
                            scenario.days(), scenario.users(), scenario.pageviewsPerDay()),
                    schedule.plannedRuns() + settings.repetitions() + snapshotCount);
            schedule.run(new SimulatedSchedule.Listener() {
                @Override
                public void onRun(SimulatedRun run) {
                    if (!run.usersLanded()) {
                        historyRuns.add(run.elapsed());
                    }
                    listener.stepDone("history as of " + run.report().asOf());
                }

                @Override
                public void onDay(DayProgress day) {}
            });

            warehouse.execute("bench/checkpoint", Map.of());
            LocalDate stepsDay = scenario.closingDay();
            for (int hour = 0; hour < settings.repetitions(); hour++) {
                LocalDateTime hourStart = stepsDay.atTime(hour, 0);
                LocalDateTime asOf = hourStart.plusHours(1).plusMinutes(SimulatedSchedule.MINUTES_PAST_THE_HOUR);
                batchRows = generator.landAverageHour(hourStart, asOf);
                hourlyBare.add(timed(() -> BareMinimum.HOURLY.run(warehouse)));
                long started = System.nanoTime();
                requireLoaded(pipeline.run(asOf, false));
                hourlySteps.add(Duration.ofNanos(System.nanoTime() - started));
                listener.stepDone("hourly step " + (hour + 1) + " of " + settings.repetitions());
            }
            for (int day = 1; day <= snapshotCount; day++) {
                LocalDate snapshotDay = stepsDay.plusDays(day);
                generator.landUsers(snapshotDay);
                dailyBare.add(timed(() -> BareMinimum.DAILY.run(warehouse)));
                long started = System.nanoTime();
                RunReport report = pipeline.run(snapshotDay.atTime(0, SimulatedSchedule.MINUTES_PAST_THE_HOUR), false);
                dailySteps.add(Duration.ofNanos(System.nanoTime() - started));
                snapshots.add(requireAccepted(report));
                listener.stepDone("users step " + day + " of " + snapshotCount);
            }
            if (freshProcesses) {
                plan = Optional.of(FreshProcessPhase.stash(
                        warehouse, generator, stepsDay.plusDays(snapshotCount), snapshotCount, settings.repetitions()));
            }
        }
        listener.phaseDone();

        warehouse.execute("bench/checkpoint", Map.of());
        LocalDateTime end = scenario.closingDay().atStartOfDay();
        List<BiQueries.Window> windows = List.of(
                new BiQueries.Window("1 day", end.minusDays(1), end), new BiQueries.Window("all data", null, null));
        // The naive join too: at this scale it reads the brief's 100M pageviews a day, the marts no more rows.
        listener.phaseStarted("BI queries: marts against the naive join at this scale", BiQueries.count(windows));
        List<BenchResults.BiTiming> queries =
                new BiQueries(warehouse, settings.repetitions(), listener::stepDone).measure(windows);
        listener.phaseDone();
        return new BenchResults.BriefScale(
                scenario.users(),
                scenario.pageviewsPerDay(),
                hourlySteps,
                hourlyBare,
                batchRows,
                dailySteps,
                dailyBare,
                average(snapshots),
                historyRuns,
                queries,
                Benchmark.sizes(warehouse, settings, Benchmark.BRIEF));
    }

    private static Duration timed(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static void requireLoaded(RunReport report) {
        if (!(report.pageviews() instanceof BatchOutcome.Loaded)) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "The measured batch as of " + report.asOf() + " was not loaded ("
                            + report.pageviews().describe()
                            + "); the benchmark's extracts are meant to be new each hour, so please report this.");
        }
    }

    private static SnapshotOutcome.Accepted requireAccepted(RunReport report) {
        if (report.users() instanceof SnapshotOutcome.Accepted accepted) {
            return accepted;
        }
        throw new PvwException(
                ErrorCode.FAILURE,
                "The measured users snapshot as of " + report.asOf() + " was not accepted ("
                        + report.users().describe()
                        + "); the benchmark's extracts are meant to change daily, so please report this.");
    }

    private static SnapshotChanges average(List<SnapshotOutcome.Accepted> snapshots) {
        int count = Math.max(1, snapshots.size());
        return new SnapshotChanges(
                snapshots.stream().mapToLong(SnapshotOutcome.Accepted::users).sum() / count,
                snapshots.stream().mapToLong(SnapshotOutcome.Accepted::newUsers).sum() / count,
                snapshots.stream()
                                .mapToLong(SnapshotOutcome.Accepted::movedUsers)
                                .sum()
                        / count,
                snapshots.stream()
                                .mapToLong(SnapshotOutcome.Accepted::deletedUsers)
                                .sum()
                        / count);
    }
}
