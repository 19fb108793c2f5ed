package dev.pvw.schedule;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A request to stop the scheduler, from a signal handler or a test; sleeping on it ends early once it is requested. */
public final class StopSignal implements Sleeper {
    private final CountDownLatch requested = new CountDownLatch(1);

    public void requestStop() {
        requested.countDown();
    }

    public boolean isRequested() {
        return requested.getCount() == 0;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        requested.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }
}
