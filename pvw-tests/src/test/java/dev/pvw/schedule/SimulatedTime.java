package dev.pvw.schedule;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Simulated time for the scheduler: a clock that moves only when the scheduler sleeps or a job works, firing the events
 * a test put on its timeline (an extract landing, a stop request) as it passes them. No test waits for real time.
 */
final class SimulatedTime extends Clock implements Sleeper {
    private final StopSignal stop;
    private final Instant horizon;
    private final TreeMap<Instant, List<Runnable>> events = new TreeMap<>();
    private Instant now;

    /** Starts at {@code start}; fails a test whose scheduler is still going at {@code horizon} instead of hanging. */
    SimulatedTime(Instant start, Instant horizon, StopSignal stop) {
        this.now = requireNonNull(start, "start");
        this.horizon = requireNonNull(horizon, "horizon");
        this.stop = requireNonNull(stop, "stop");
    }

    /** Puts {@code event} on the timeline; events at one time fire in the order they were put. */
    SimulatedTime at(Instant time, Runnable event) {
        if (time.isBefore(now)) {
            throw new IllegalArgumentException("event at " + time + " is in the past of " + now);
        }
        events.computeIfAbsent(time, key -> new ArrayList<>()).add(event);
        return this;
    }

    SimulatedTime stopAt(Instant time) {
        return at(time, stop::requestStop);
    }

    /** A job at work: time passes in full, firing events on the way, whatever they request. */
    void work(Duration duration) {
        advanceTo(now.plus(duration), false);
    }

    /** The scheduler waiting: time passes, firing events on the way, until a stop is requested. */
    @Override
    public void sleep(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the scheduler slept for " + duration);
        }
        advanceTo(now.plus(duration), true);
    }

    private void advanceTo(Instant target, boolean untilStopped) {
        while (!events.isEmpty() && !events.firstKey().isAfter(target)) {
            Map.Entry<Instant, List<Runnable>> next = events.pollFirstEntry();
            now = next.getKey();
            next.getValue().forEach(Runnable::run);
            if (untilStopped && stop.isRequested()) {
                return;
            }
        }
        if (target.isAfter(horizon)) {
            throw new AssertionError("the scheduler was still going at " + horizon + "; did the test forget a stop?");
        }
        now = target;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the scheduler's clock is UTC");
    }
}
