package dev.pvw.schedule;

import static java.util.Objects.requireNonNull;

import dev.pvw.pipeline.Pipeline;
import dev.pvw.warehouse.Warehouse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.function.Supplier;

/**
 * A scheduled run of the pipeline, as {@code pvw run --as-of} does it. The warehouse is opened for the run and closed
 * after it, so that other processes (status, queries, a manual run) can use an embedded warehouse between runs.
 */
public final class PipelineJob implements ScheduledJob {
    private final Supplier<Warehouse> warehouses;
    private final Clock clock;
    private final Duration lockWait;

    public PipelineJob(Supplier<Warehouse> warehouses, Clock clock, Duration lockWait) {
        this.warehouses = requireNonNull(warehouses, "warehouses");
        this.clock = requireNonNull(clock, "clock");
        this.lockWait = requireNonNull(lockWait, "lockWait");
    }

    @Override
    public RunAttempt run(LocalDateTime asOf) {
        requireNonNull(asOf, "asOf");
        try (Warehouse warehouse = warehouses.get()) {
            // A scheduler never lets a shrinking users extract through: that is for a person to decide.
            return RunAttempt.of(new Pipeline(warehouse, clock, lockWait).run(asOf, false));
        } catch (RuntimeException e) {
            // Whatever went wrong, the scheduler must live on to retry and to run the next slot.
            return new RunAttempt.Failed(message(e));
        }
    }

    private static String message(RuntimeException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.toString();
        }
        String line = message.strip().replaceAll("\\s*\\R\\s*", " ");
        // The scheduler's log line goes on after the message.
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
