package dev.pvw.pipeline;

import static java.util.Objects.requireNonNull;

import dev.pvw.ProcessTimeline;
import dev.pvw.ProcessTimeline.Stage;
import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.quality.CheckReport;
import dev.pvw.quality.CheckScope;
import dev.pvw.quality.ExtractTables;
import dev.pvw.quality.WarehouseChecks;
import dev.pvw.state.RunLog;
import dev.pvw.warehouse.Identifier;
import dev.pvw.warehouse.Mart;
import dev.pvw.warehouse.RunLock;
import dev.pvw.warehouse.SchemaMigrator;
import dev.pvw.warehouse.UnitOfWork;
import dev.pvw.warehouse.Warehouse;
import dev.pvw.warehouse.WorkTables;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One run: the users snapshot, then the pageview batch, then both marts, then the quarantine's retention and the
 * checks of what the run touched, all in one unit of work (on DuckDB and PostgreSQL one transaction) so that a run
 * that fails a check, fails otherwise or is killed leaves the warehouse as it was.
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
        return run(asOf, allowShrink, QuarantineRetention.DEFAULT);
    }

    /** Processes whatever the extract tables hold now, keeping quarantined rows for {@code retention}. */
    public RunReport run(LocalDateTime asOf, boolean allowShrink, QuarantineRetention retention) {
        requireNonNull(asOf, "asOf");
        requireNonNull(retention, "retention");
        try (RunLock.Lease lease = warehouse.runLock().acquire(lockWait)) {
            UnitOfWork unit = warehouse.unitOfWork();
            unit.recover().forEach(line -> LOG.warn("{}", line));
            List<String> notices = recreatedExtractTables();
            ProcessTimeline.mark(Stage.SCHEMA_CHECKED);
            RunLog runLog = new RunLog(warehouse, clock);
            LocalDateTime startedAt = LocalDateTime.now(clock);
            long runId = runLog.start(asOf);
            try (MDC.MDCCloseable ignored = MDC.putCloseable("run", Long.toString(runId))) {
                long started = System.nanoTime();
                LOG.info("Run {} started as of {} on {}", runId, asOf, warehouse.url());
                notices.forEach(notice -> LOG.warn("{}", notice));
                TestPause.at("started");
                try {
                    RunReport report = unit.run(
                            runId, () -> work(runLog, runId, asOf, allowShrink, retention, startedAt, notices));
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
    }

    /**
     * Makes sure the schema is current, which recreates an extract table that went missing (SPEC: run creates what init
     * creates); says so, since an extract process that dropped its table has a problem of its own.
     */
    private List<String> recreatedExtractTables() {
        return new SchemaMigrator(warehouse, clock)
                .ensureCurrent().stream()
                        .filter(table -> table.startsWith("raw."))
                        .map(table -> table + " was missing, so this run created it empty; check the extract process"
                                + " that loads it")
                        .toList();
    }

    private RunReport work(
            RunLog runLog,
            long runId,
            LocalDateTime asOf,
            boolean allowShrink,
            QuarantineRetention retention,
            LocalDateTime startedAt,
            List<String> notices) {
        dropWorkTables();
        new ExtractTables(warehouse).verifyColumns();
        ProcessTimeline.mark(Stage.EXTRACTS_CHECKED);
        warehouse.create(WorkTables.DELTA_CURRENT, Map.of());
        warehouse.create(WorkTables.DELTA_AT_VIEW, Map.of());
        SnapshotOutcome users = new UsersSnapshotStep(warehouse).apply(runId, asOf, allowShrink);
        LOG.info("{}", users.describe());
        Optional<Identifier> touchedUsers = touchedUsers(users);
        TestPause.at("users");
        BatchOutcome pageviews = new PageviewBatchStep(warehouse).apply(runId, asOf);
        LOG.info("{}", pageviews.describe());
        TestPause.at("pageviews");
        // Without a snapshot applied or a batch loaded the marts' changes are empty: four merges of nothing are
        // skipped.
        if (users instanceof SnapshotOutcome.Accepted || pageviews instanceof BatchOutcome.Loaded) {
            for (Mart mart : Mart.values()) {
                merge(mart.deltaTable(), mart.table(), HOUR_START, "hour");
                merge(mart.deltaTable(), mart.dailyTable(), DAY_START, "day");
            }
        }
        TestPause.at("marts");
        QuarantinePurge purge = new QuarantinePurgeStep(warehouse).apply(retention, startedAt);
        LOG.info("Quarantine: {}", purge.describe());
        CheckReport checks = new WarehouseChecks(warehouse).check(new CheckScope.DuringRun(runId, touchedUsers));
        if (!checks.passed()) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "Run " + runId + " stopped before committing because " + checks.failureClause()
                            + ", so nothing of it was committed; run pvw check --full to list every problem, and"
                            + " repair the warehouse (or restore it from a backup) before the next run.");
        }
        LOG.info("Checks passed in {} ms ({})", checks.elapsed().toMillis(), checks.scope());
        RunReport report = new RunReport(runId, asOf, users, pageviews, purge, checks, notices);
        String message = report.refused() ? ((SnapshotOutcome.Refused) users).reason() : null;
        runLog.finish(runId, report.outcome(), users.describe(), pageviews.describe(), message);
        TestPause.at("finished");
        return report;
    }

    /**
     * The work table, or view, that lists the users whose history the snapshot changed, for the run's checks: none
     * when no snapshot was applied; the changed users, or with a same-day replacement those and the users of the
     * replaced snapshot.
     */
    private Optional<Identifier> touchedUsers(SnapshotOutcome users) {
        if (!(users instanceof SnapshotOutcome.Accepted accepted)) {
            return Optional.empty();
        }
        if (!accepted.replacedSameDay()) {
            return Optional.of(WorkTables.USER_CHANGES.name());
        }
        warehouse.create(WorkTables.RUN_USERS, Map.of());
        return Optional.of(WorkTables.RUN_USERS.name());
    }

    /** Adds a run's changes of one mart to it at the grain of {@code unit}, whose time column is {@code start}. */
    private void merge(Identifier delta, Identifier mart, Identifier start, String unit) {
        warehouse.create(WorkTables.DELTA_TOTAL, Map.of("unit", unit), Map.of("delta", delta));
        warehouse.execute("marts/merge_delta", Map.of("mart", mart, "start", start));
        warehouse.drop(WorkTables.DELTA_TOTAL);
    }

    private void dropWorkTables() {
        warehouse.drop(WorkTables.ALL);
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
