package dev.pvw.schedule;

import java.time.Duration;

/** How the scheduler lets time pass; tests pass a simulated clock's instead of waiting. */
@FunctionalInterface
public interface Sleeper {
    /** Waits for {@code duration}, or less: callers read their clock again afterwards. */
    void sleep(Duration duration) throws InterruptedException;
}
