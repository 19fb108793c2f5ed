package dev.pvw.cli;

import dev.pvw.schedule.CronSchedule;
import dev.pvw.schedule.PipelineJob;
import dev.pvw.schedule.RetryPolicy;
import dev.pvw.schedule.Scheduler;
import dev.pvw.schedule.StopSignal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pvw schedule}: runs the pipeline on a cron schedule until stopped. */
@Command(
        name = "schedule",
        mixinStandardHelpOptions = true,
        description = {
            "Run the pipeline on a cron schedule, in UTC, until stopped. Each run is as of its scheduled time (its"
                    + " --as-of), so a late or retried run still counts as the slot it was meant for, and the users"
                    + " snapshot takes effect from 00:00 of that slot's day. One log line per run outcome, on stderr.",
            "Each slot has a window: until the next slot or the top of the next hour, whichever is first (by then the"
                    + " hourly pageviews extract has been replaced, and a run as of the slot would quarantine the new"
                    + " hour as later than its --as-of). A run that fails (what makes pvw run exit 1, the warehouse"
                    + " held by another run for longer than --lock-wait included) is retried after --retry-delay,"
                    + " doubling up to 15m, as long as the retry starts within the window; so is a run that finds the"
                    + " pageviews extract not yet holding the hour before the slot (a late extract). A users snapshot"
                    + " refused by a guard (what makes pvw run exit 3) is logged and not retried: the same extract"
                    + " would be refused again; fix it, or run pvw run --allow-shrink once.",
            "Runs never overlap. A run that overruns the next slot is followed at once by the latest slot whose"
                    + " window is still open; on start, the current slot runs at once if its window is still open."
                    + " SIGTERM or SIGINT (Ctrl-C) stops the scheduler after the run in flight has finished; the"
                    + " process then exits with 143 or 130, as the JVM does on those signals."
        },
        footer = {
            "",
            "Alternatives (Airflow, a Kubernetes CronJob, a systemd timer, crontab), backfills and late extracts:"
                    + " docs/scheduling.md and deploy/ in the repository."
        })
final class ScheduleCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleCommand.class);

    /** Loggers whose lines, several per run, the scheduler's one line per run stands for. */
    private static final List<String> RUN_LOGGERS = List.of("dev.pvw.pipeline", "dev.pvw.warehouse.SchemaMigrator");

    @ParentCommand
    private PvwCommand pvw;

    @Option(
            names = "--cron",
            paramLabel = "EXPRESSION",
            defaultValue = CronSchedule.DEFAULT_EXPRESSION,
            converter = CronConverter.class,
            description = "When to run: minute hour day-of-month month day-of-week, Unix cron, in UTC"
                    + " (default: '${DEFAULT-VALUE}', five minutes past every hour).")
    private CronSchedule cron;

    @Option(
            names = "--retry-delay",
            paramLabel = "DURATION",
            defaultValue = "1m",
            converter = DurationConverter.class,
            description = "How long to wait before retrying a failed run or a late extract, doubled after each"
                    + " attempt up to 15m, such as 30s, 1m or 2m (default: ${DEFAULT-VALUE}).")
    private Duration retryDelay;

    @Override
    public Integer call() {
        // Refuse a bad --warehouse or --lock-wait now, not at the first slot.
        pvw.warehouseUrl();
        Duration lockWait = pvw.lockWait();
        Clock clock = pvw.context().clock();
        StopSignal stop = new StopSignal();
        Scheduler scheduler = new Scheduler(
                cron,
                RetryPolicy.startingAt(retryDelay),
                new PipelineJob(pvw::openWarehouse, clock, lockWait),
                clock,
                stop,
                stop);
        CountDownLatch finished = new CountDownLatch(1);
        Thread stopOnSignal = new Thread(() -> stopAndWait(stop, finished), "pvw-stop");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        QuietLogs quiet = pvw.verbose() ? QuietLogs.none() : QuietLogs.silenced(RUN_LOGGERS);
        try (quiet) {
            scheduler.run();
        } finally {
            finished.countDown();
            removeQuietly(stopOnSignal);
        }
        return ExitCodes.OK;
    }

    /**
     * Runs in the JVM's shutdown on SIGTERM or SIGINT: asks the scheduler to stop and holds the JVM until it has, so
     * that the run in flight finishes and commits instead of being cut off.
     */
    private static void stopAndWait(StopSignal stop, CountDownLatch finished) {
        LOG.info("Stop requested: the scheduler stops after the run in flight, if any");
        stop.requestStop();
        boolean interrupted = false;
        while (true) {
            try {
                finished.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (a signal stopped the scheduler): the hook is running, nothing to undo.
        }
    }
}
