package dev.pvw.warehouse;

import java.time.Duration;

/**
 * Keeps two runs off one warehouse at once: a file lock where the engine holds the warehouse for one process, an
 * advisory lock on a database server, a lease where the warehouse is files in an object store.
 */
public interface RunLock {
    /**
     * Takes the lock, waiting up to {@code wait} for another run to let go of it, else fails with a sentence that says
     * so. The lease lets go when closed, or when the process ends.
     */
    Lease acquire(Duration wait);

    /** A held run lock. */
    interface Lease extends AutoCloseable {
        /** Lets go of the lock; never throws. */
        @Override
        void close();
    }
}
