package dev.pvw.simulate;

import static java.util.Objects.requireNonNull;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.pipeline.BatchOutcome;
import dev.pvw.pipeline.Pipeline;
import dev.pvw.pipeline.RunReport;
import dev.pvw.pipeline.SnapshotOutcome;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Replays the scheduler over a scenario's simulated time. Every hour at HH:05 the previous hour's pageviews land, and
 * at 00:05 the day's users extract too; then a run as of that time. The scenario ends with the 00:05 tick of the
 * closing day, which lands the last hour of traffic, so that every simulated day is complete in the marts.
 *
 * <p>With {@code separateUsersRun}, the 00:05 tick runs twice: once for the last hour's pageviews, then once more after
 * the users extract has landed, so that the daily users step is timed on its own, as a benchmark needs.
 */
public final class SimulatedSchedule {
    /** Runs start five minutes past the hour, once the extract processes have landed the hour. */
    public static final int MINUTES_PAST_THE_HOUR = 5;

    private static final int HOURS_PER_DAY = 24;

    private final ExtractGenerator generator;
    private final Pipeline pipeline;
    private final boolean separateUsersRun;

    public SimulatedSchedule(ExtractGenerator generator, Pipeline pipeline, boolean separateUsersRun) {
        this.generator = requireNonNull(generator, "generator");
        this.pipeline = requireNonNull(pipeline, "pipeline");
        this.separateUsersRun = separateUsersRun;
    }

    /** How many runs the scenario takes. */
    public int plannedRuns() {
        int days = generator.settings().days();
        return HOURS_PER_DAY * days + 1 + (separateUsersRun ? days + 1 : 0);
    }

    /** Runs every tick of the scenario in time order, telling the listener of each run and day; returns the runs. */
    public int run(Listener listener) {
        requireNonNull(listener, "listener");
        SimulationSettings settings = generator.settings();
        int runs = 0;
        for (LocalDate day = settings.firstDay(); !day.isAfter(settings.closingDay()); day = day.plusDays(1)) {
            DayProgress done = runDay(day, day.equals(settings.closingDay()) ? 1 : HOURS_PER_DAY, listener);
            runs += done.runs();
            listener.onDay(done);
        }
        return runs;
    }

    private DayProgress runDay(LocalDate day, int ticks, Listener listener) {
        long started = System.nanoTime();
        DayTally tally = new DayTally();
        for (int hour = 0; hour < ticks; hour++) {
            LocalDateTime tick = day.atTime(hour, MINUTES_PAST_THE_HOUR);
            LocalDateTime previousHour = day.atTime(hour, 0).minusHours(1);
            long landed = generator.landPageviews(previousHour, tick);
            if (hour == 0 && separateUsersRun) {
                tally.add(run(tick, false, landed, listener));
                tally.add(run(tick, true, generator.landUsers(day), listener));
            } else if (hour == 0) {
                generator.landUsers(day);
                tally.add(run(tick, true, landed, listener));
            } else {
                tally.add(run(tick, false, landed, listener));
            }
        }
        return new DayProgress(
                day,
                tally.runs,
                tally.users,
                tally.counted,
                tally.quarantined,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private SimulatedRun run(LocalDateTime tick, boolean usersLanded, long rowsLanded, Listener listener) {
        long started = System.nanoTime();
        Duration cpuBefore = ProcessCpu.used();
        RunReport report = pipeline.run(tick, false);
        SimulatedRun run = new SimulatedRun(
                report,
                usersLanded,
                rowsLanded,
                Duration.ofNanos(System.nanoTime() - started),
                ProcessCpu.used().minus(cpuBefore));
        if (report.users() instanceof SnapshotOutcome.Refused refused) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "The run as of " + tick + " refused the simulated users extract of " + tick.toLocalDate() + " ("
                            + refused.reason() + "); simulated extracts are meant to pass every guard, so please"
                            + " report this.");
        }
        listener.onRun(run);
        return run;
    }

    /** Hears of each run when it is done and of each simulated day when its last run is done. */
    public interface Listener {
        void onRun(SimulatedRun run);

        void onDay(DayProgress day);
    }

    /** What the runs of one day add up to. */
    private static final class DayTally {
        private int runs;
        private SnapshotOutcome users = new SnapshotOutcome.NoSnapshotYet();
        private long counted;
        private long quarantined;

        void add(SimulatedRun run) {
            runs++;
            if (run.usersLanded()) {
                users = run.report().users();
            }
            if (run.report().users() instanceof SnapshotOutcome.Accepted accepted) {
                quarantined += accepted.quarantinedRows();
            }
            if (run.report().pageviews() instanceof BatchOutcome.Loaded loaded) {
                counted += loaded.countedRows();
                quarantined += loaded.quarantinedRows();
            }
        }
    }
}
