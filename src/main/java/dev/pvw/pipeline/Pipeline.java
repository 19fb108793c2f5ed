package dev.pvw.pipeline;

import static java.util.Objects.requireNonNull;

import dev.pvw.state.RunLog;
import dev.pvw.warehouse.Identifier;
import dev.pvw.warehouse.Mart;
import dev.pvw.warehouse.SchemaMigrator;
import dev.pvw.warehouse.Warehouse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One run: the users snapshot, then the pageview batch, then both marts, all in one transaction so that a run that
 * fails or is killed leaves the warehouse as it was.
 */
public final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final Identifier HOUR_START = new Identifier("hour_start");
    private static final Identifier DAY_START = new Identifier("day_start");

    private final Warehouse warehouse;
    private final Clock clock;
    private final Duration lockWait;

    public Pipeline(Warehouse warehouse, Clock clock, Duration lockWait) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.clock = requireNonNull(clock, "clock");
        this.lockWait = requireNonNull(lockWait, "lockWait");
    }

    /** Processes whatever the extract tables hold now, as of the logical time {@code asOf}. */
    public RunReport run(LocalDateTime asOf, boolean allowShrink) {
        requireNonNull(asOf, "asOf");
        warehouse.acquireRunLock(lockWait);
        new SchemaMigrator(warehouse, clock).migrate();
        RunLog runLog = new RunLog(warehouse, clock);
        long runId = runLog.start(asOf);
        try (MDC.MDCCloseable ignored = MDC.putCloseable("run", Long.toString(runId))) {
            long started = System.nanoTime();
            LOG.info("Run {} started as of {} on {}", runId, asOf, warehouse.url());
            try {
                RunReport report = warehouse.inRunTransaction(() -> work(runLog, runId, asOf, allowShrink));
                LOG.info("Run {} {} in {} ms", runId, report.outcome(), (System.nanoTime() - started) / 1_000_000);
                return report;
            } catch (RuntimeException e) {
                LOG.error("Run {} failed: {}", runId, e.getMessage());
                recordFailure(runLog, runId, e);
                throw e;
            } finally {
                dropWorkTablesQuietly();
            }
        }
    }

    private RunReport work(RunLog runLog, long runId, LocalDateTime asOf, boolean allowShrink) {
        dropWorkTables();
        warehouse.execute("run/create_delta_tables", Map.of());
        SnapshotOutcome users = new UsersSnapshotStep(warehouse).apply(runId, asOf, allowShrink);
        LOG.info("{}", users.describe());
        BatchOutcome pageviews = new PageviewBatchStep(warehouse).apply(runId, asOf);
        LOG.info("{}", pageviews.describe());
        for (Mart mart : Mart.values()) {
            merge(mart.deltaTable(), mart.table(), HOUR_START, "hour");
            merge(mart.deltaTable(), mart.dailyTable(), DAY_START, "day");
        }
        RunReport report = new RunReport(runId, asOf, users, pageviews);
        String message = report.refused() ? ((SnapshotOutcome.Refused) users).reason() : null;
        runLog.finish(runId, report.outcome(), users.describe(), pageviews.describe(), message);
        return report;
    }

    /** Adds a run's changes of one mart to it at the grain of {@code unit}, whose time column is {@code start}. */
    private void merge(Identifier delta, Identifier mart, Identifier start, String unit) {
        warehouse.update("marts/total_delta", Map.of("unit", unit), Map.of("delta", delta));
        warehouse.execute("marts/merge_delta", Map.of("mart", mart, "start", start));
    }

    private void dropWorkTables() {
        warehouse.execute("run/drop_work_tables", Map.of());
    }

    private void dropWorkTablesQuietly() {
        try {
            dropWorkTables();
        } catch (RuntimeException e) {
            LOG.debug("Could not drop the run's work tables; they go with the connection", e);
        }
    }

    private static void recordFailure(RunLog runLog, long runId, RuntimeException failure) {
        try {
            runLog.fail(runId, failure.getMessage());
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
