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
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * Replays the scheduler over a scenario's simulated time. At 00:05 each day the users extract lands; every hour at
 * HH:05 the previous hour's pageviews land; then a run as of that time. The scenario ends with the 00:05 tick of the
 * closing day, which lands the last hour of traffic, so that every simulated day is complete in the marts.
 */
public final class SimulatedSchedule {
    /** Runs start five minutes past the hour, once the extract processes have landed the hour. */
    static final int MINUTES_PAST_THE_HOUR = 5;

    private static final int HOURS_PER_DAY = 24;

    private final ExtractGenerator generator;
    private final ExtractLander lander;
    private final Pipeline pipeline;

    public SimulatedSchedule(ExtractGenerator generator, ExtractLander lander, Pipeline pipeline) {
        this.generator = requireNonNull(generator, "generator");
        this.lander = requireNonNull(lander, "lander");
        this.pipeline = requireNonNull(pipeline, "pipeline");
    }

    /**
     * Runs every tick of the scenario in time order, reporting each simulated day when its last run is done; returns
     * how many runs there were.
     */
    public int run(Consumer<DayProgress> progress) {
        requireNonNull(progress, "progress");
        SimulationSettings settings = generator.settings();
        int runs = 0;
        for (LocalDate day = settings.firstDay(); !day.isAfter(settings.closingDay()); day = day.plusDays(1)) {
            DayProgress done = runDay(day, day.equals(settings.closingDay()) ? 1 : HOURS_PER_DAY);
            runs += done.runs();
            progress.accept(done);
        }
        return runs;
    }

    private DayProgress runDay(LocalDate day, int ticks) {
        long started = System.nanoTime();
        SnapshotOutcome users = null;
        long counted = 0;
        long quarantined = 0;
        for (int hour = 0; hour < ticks; hour++) {
            LocalDateTime tick = day.atTime(hour, MINUTES_PAST_THE_HOUR);
            if (hour == 0) {
                lander.landUsers(generator.usersExtract(day));
            }
            LocalDateTime previousHour = tick.truncatedTo(ChronoUnit.HOURS).minusHours(1);
            lander.landPageviews(generator.pageviewsExtract(previousHour, tick));
            RunReport report = pipeline.run(tick, false);
            if (report.users() instanceof SnapshotOutcome.Refused refused) {
                throw new PvwException(
                        ErrorCode.FAILURE,
                        "The run as of " + tick + " refused the simulated users extract of " + day + " ("
                                + refused.reason() + "); the demo's extracts are meant to pass every guard, so"
                                + " please report this.");
            }
            if (hour == 0) {
                users = report.users();
            }
            if (report.users() instanceof SnapshotOutcome.Accepted accepted) {
                quarantined += accepted.quarantinedRows();
            }
            if (report.pageviews() instanceof BatchOutcome.Loaded loaded) {
                counted += loaded.countedRows();
                quarantined += loaded.quarantinedRows();
            }
        }
        return new DayProgress(day, ticks, users, counted, quarantined, Duration.ofNanos(System.nanoTime() - started));
    }
}
