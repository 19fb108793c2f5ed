package dev.pvw.simulate;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU time this process has used, on every thread, DuckDB's native workers included. Unlike wall time it does not
 * grow when other processes share the machine, so it tells whether a run did more work.
 */
final class ProcessCpu {
    private ProcessCpu() {}

    /** CPU time used so far, or zero where the JVM cannot tell. */
    static Duration used() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? Duration.ZERO : Duration.ofNanos(nanos);
        }
        return Duration.ZERO;
    }
}
