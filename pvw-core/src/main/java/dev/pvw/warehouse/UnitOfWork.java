package dev.pvw.warehouse;

import java.util.List;
import java.util.function.Supplier;

/**
 * A run's writes as one unit: none of them is visible to readers until {@link #publish}, and {@link #abort} discards
 * them. On DuckDB and PostgreSQL the unit is one database transaction. An engine without multi-table transactions
 * writes each table apart from what readers see and publishes them one after another, keeping a journal so that
 * {@link #recover} can finish a publish that was killed part-way (see docs/engines.md).
 */
public interface UnitOfWork {
    /**
     * Finishes or discards what a run killed part-way left behind, before anything else writes; called with the run
     * lock held. Returns one line for each thing it did, for the log.
     */
    List<String> recover();

    /** Starts run {@code runId}'s writes; every statement until publish or abort reads the extracts as of one moment. */
    void begin(long runId);

    /** Makes everything written since {@link #begin} visible to readers. */
    void publish();

    /** Discards everything written since {@link #begin}; never throws, so that the failure that led here is kept. */
    void abort();

    /** Runs {@code work} as run {@code runId}'s unit: published when it returns, aborted when it throws. */
    default <T> T run(long runId, Supplier<T> work) {
        begin(runId);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            try {
                abort();
            } catch (RuntimeException | Error abortFailure) {
                // An engine's abort should not throw; if one does, the failure that led here is still the one to tell.
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
        publish();
        return result;
    }
}
