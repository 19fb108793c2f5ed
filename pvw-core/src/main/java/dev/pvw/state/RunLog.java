package dev.pvw.state;

import static java.util.Objects.requireNonNull;

import dev.pvw.warehouse.Warehouse;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

/** The run records in {@code core.runs}: started in a transaction of their own, finished with the run's work. */
public final class RunLog {
    private final Warehouse warehouse;
    private final Clock clock;

    public RunLog(Warehouse warehouse, Clock clock) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * Records a new run as running and returns its id. Called with the run lock held, so any other run still marked
     * running was killed part-way and is marked interrupted.
     */
    public long start(LocalDateTime asOf) {
        return warehouse.inTransaction(() -> {
            warehouse.update("run/mark_interrupted", Map.of());
            long runId = warehouse.queryLong("run/next_run_id", Map.of());
            warehouse.update(
                    "run/start_run",
                    Map.of(
                            "run_id", runId,
                            "started_at", Warehouse.timestamp(LocalDateTime.now(clock)),
                            "as_of", Warehouse.timestamp(asOf)));
            return runId;
        });
    }

    /** Writes the run's outcome; call inside the run's transaction so it commits with the work. */
    public void finish(long runId, String outcome, String usersOutcome, String pageviewsOutcome, String message) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("run_id", runId);
        parameters.put("finished_at", Warehouse.timestamp(LocalDateTime.now(clock)));
        parameters.put("outcome", outcome);
        parameters.put("users_outcome", usersOutcome);
        parameters.put("pageviews_outcome", pageviewsOutcome);
        parameters.put("message", message);
        warehouse.update("run/finish_run", parameters);
    }

    /** Records a failed run after its transaction rolled back. */
    public void fail(long runId, String message) {
        warehouse.inTransaction(() -> {
            finish(runId, "failed", null, null, message);
            return null;
        });
    }
}
