package dev.pvw.engine.spark;

import static java.util.Objects.requireNonNull;

import dev.pvw.warehouse.FailureKind;
import dev.pvw.warehouse.MaintenancePolicy;
import dev.pvw.warehouse.Row;
import dev.pvw.warehouse.RunLock;
import dev.pvw.warehouse.UnitOfWork;
import dev.pvw.warehouse.Warehouse;
import dev.pvw.warehouse.WarehouseUrl;
import dev.pvw.warehouse.WorkTable;
import dev.pvw.warehouse.WorkTables;
import dev.pvw.warehouse.spi.EngineSession;
import dev.pvw.warehouse.spi.StatementFailure;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FSError;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Spark session on a warehouse: statements through {@code SparkSession.sql} with named parameters ({@code :name}),
 * one at a time, and the tables they write through the Iceberg catalog. Work tables live in a namespace of the session's
 * own ({@link WarehouseCatalog#scratch}), the session's current one, so that SQL reads them by their plain names.
 */
final class SparkEngineSession implements EngineSession {
    private static final Logger LOG = LoggerFactory.getLogger(SparkEngineSession.class);

    /** The temporary view under which {@link #load} shows the file it loads. */
    static final String LOADED_FILE = "loaded_file";

    private static final int READ_ATTEMPTS = 3;

    private static final int CONCURRENT_READS =
            Math.max(2, 2 * Runtime.getRuntime().availableProcessors());

    private final WarehouseUrl url;
    private final SparkSession session;
    private final WarehouseCatalog catalog;
    private final RunLock runLock;

    SparkEngineSession(WarehouseUrl url, SparkSession session, WarehouseCatalog catalog, RunLock runLock) {
        this.url = requireNonNull(url, "url");
        this.session = requireNonNull(session, "session");
        this.catalog = requireNonNull(catalog, "catalog");
        this.runLock = requireNonNull(runLock, "runLock");
    }

    /**
     * Runs one statement; for an INSERT, DELETE or MERGE returns the rows it changed as the snapshots it committed
     * summarise them, and 0 for any other statement (no caller counts an UPDATE's rows).
     */
    @Override
    public int update(String sql, Map<String, ?> parameters) {
        Optional<SqlStatements.Filled> filled = SqlStatements.filled(sql);
        if (filled.isPresent()) {
            fill(filled.get(), parameters);
            return 0;
        }
        Optional<SqlStatements.Written> written = SqlStatements.written(sql);
        Optional<TableIdentifier> table = written.flatMap(write -> catalog.identifier(write.table()));
        Long before = table.map(catalog::currentSnapshotId).orElse(null);
        run(sql, parameters);
        if (table.isEmpty()) {
            return 0;
        }
        return guarded(() -> Math.toIntExact(rowsChanged(written.get().kind(), table.get(), before)));
    }

    @Override
    public void execute(String sql) {
        for (String statement : SqlStatements.split(sql)) {
            Optional<String> dropped = SqlStatements.droppedTable(statement);
            if (dropped.isPresent()) {
                dropWorkTable(dropped.get());
            } else {
                run(statement, Map.of());
            }
        }
    }

    @Override
    public void query(String sql, Map<String, ?> parameters, Consumer<Row> each) {
        // Spark and Iceberg look up the thread's active session while planning; a query from another thread (readAll)
        // would otherwise plan in the application's first session, without this one's catalog and branch.
        SparkSession.setActiveSession(session);
        if (sql.contains(WarehouseCatalog.CATALOG_VIEW_PREFIX)) {
            guarded(() -> {
                catalog.refreshCatalogViews(session);
                return null;
            });
        }
        // Collected in one job: a local iterator would run a job per partition, and pvw's answers are small.
        List<org.apache.spark.sql.Row> rows = guarded(() -> run(sql, parameters).collectAsList());
        rows.forEach(row -> each.accept(new SparkRow(row)));
    }

    /**
     * A small query's time goes to planning, the catalog's metadata and scheduling rather than reading rows, and a Spark
     * application runs several jobs at once: so several reads go at once, two per core of the driver.
     */
    @Override
    public int concurrentReads() {
        return CONCURRENT_READS;
    }

    /** Iceberg commits table by table: work that must be atomic is made so by the run's unit of work instead. */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    /**
     * Each statement reads each table at its latest snapshot, as one run left it; but a run publishing its tables one
     * by one while the work reads them could pair a table after that run with another before it. So the work is done
     * again (up to {@value #READ_ATTEMPTS} times in all) when a table of core or mart changed while it read.
     */
    @Override
    public <T> T readingOneMoment(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            Map<TableIdentifier, Long> before = guarded(catalog::publishedSnapshots);
            T result = work.get();
            if (attempt == READ_ATTEMPTS || before.equals(guarded(catalog::publishedSnapshots))) {
                return result;
            }
            LOG.info("A run published tables of {} while they were read; reading them again", url);
        }
    }

    @Override
    public UnitOfWork unitOfWork() {
        return new PublishingUnit(session, catalog);
    }

    @Override
    public RunLock runLock() {
        return runLock;
    }

    @Override
    public Optional<List<String>> maintain(MaintenancePolicy policy) {
        return Optional.of(guarded(() -> new TableMaintenance(session, catalog).maintain(policy)));
    }

    /** Runs {@code sql} with the Parquet file {@code file} as the temporary view {@value #LOADED_FILE}. */
    @Override
    public void load(String sql, Path file) {
        guarded(() -> {
            session.read().parquet(file.toString()).createOrReplaceTempView(LOADED_FILE);
            return null;
        });
        try {
            run(sql, Map.of());
        } finally {
            session.catalog().dropTempView(LOADED_FILE);
        }
    }

    /** Drops the session's work tables and their namespace; the Spark application goes on. */
    @Override
    public void close() {
        for (WorkTable table : WorkTables.ALL) {
            session.catalog().dropTempView(table.name().sql());
        }
        catalog.dropScratch();
    }

    /**
     * Fills a work table with its query's result, computed now and kept by Spark (a local checkpoint) under a temporary
     * view of the table's name: unlike an Iceberg table it costs no files and no commit, and unlike a cached or plain
     * view it is never recomputed when a table it read is written later in the run. Its blocks live on the executors:
     * an executor lost mid-run fails the run, which the next run does again.
     */
    private void fill(SqlStatements.Filled filled, Map<String, ?> parameters) {
        Dataset<org.apache.spark.sql.Row> query = run(filled.query(), parameters);
        long started = System.nanoTime();
        guarded(() -> {
            query.localCheckpoint(true).createOrReplaceTempView(filled.table());
            return null;
        });
        LOG.trace("Spark work table {} filled in {} ms", filled.table(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Drops a work table's temporary view. An Iceberg work table is left in the session's own namespace, where nothing
     * reads it before the next run makes it again (replacing it) and the session's end drops it with its files: dropping
     * one with its files cost a second or two, some six times a run.
     */
    private void dropWorkTable(String table) {
        session.catalog().dropTempView(table);
    }

    private Dataset<org.apache.spark.sql.Row> run(String sql, Map<String, ?> parameters) {
        Map<String, Object> arguments = new HashMap<>(parameters);
        long started = System.nanoTime();
        String statement = SqlStatements.rendered(sql);
        Dataset<org.apache.spark.sql.Row> result = guarded(() -> session.sql(statement, arguments));
        LOG.trace("Spark statement took {} ms", (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    /** Rows an INSERT added, or a DELETE or MERGE changed, summed over the snapshots the statement committed. */
    private long rowsChanged(SqlStatements.Written.Kind kind, TableIdentifier identifier, Long before) {
        Table table = catalog.table(identifier);
        long rows = 0;
        for (Snapshot snapshot = catalog.head(table);
                snapshot != null && !Long.valueOf(snapshot.snapshotId()).equals(before);
                snapshot = snapshot.parentId() == null ? null : table.snapshot(snapshot.parentId())) {
            Map<String, String> summary = snapshot.summary();
            long added = count(summary, "added-records");
            long deleted = count(summary, "deleted-records");
            rows += switch (kind) {
                case INSERT -> added;
                    // Copy-on-write rewrites the files it deletes from: they go as deleted, their other rows come back;
                    // merge-on-read (the fact, schema V4) records the rows it deletes in position delete files.
                case DELETE -> deleted - added + count(summary, "added-position-deletes");
                case MERGE -> count(summary, "spark.merge-into.num-target-rows-updated")
                        + count(summary, "spark.merge-into.num-target-rows-inserted")
                        + count(summary, "spark.merge-into.num-target-rows-deleted");};
        }
        return rows;
    }

    private static long count(Map<String, String> summary, String key) {
        String value = summary.get(key);
        return value == null ? 0 : Long.parseLong(value);
    }

    /** Runs Spark work, turning its failure into a {@link StatementFailure} of the kind the user can act on. */
    static <T> T guarded(Supplier<T> work) {
        try {
            return work.get();
        } catch (OutOfMemoryError e) {
            throw new StatementFailure(FailureKind.OUT_OF_MEMORY, Warehouse.firstLine(e.getMessage()), e);
        } catch (FSError e) {
            // Hadoop's local file system throws an I/O failure (a full disk among them) as an Error.
            throw failure(e);
        } catch (RuntimeException e) {
            throw failure(e);
        } catch (Exception e) {
            // Spark's analysis and parse failures are checked exceptions that Scala throws undeclared.
            throw failure(e);
        }
    }

    private static StatementFailure failure(Throwable e) {
        if (e instanceof StatementFailure statementFailure) {
            return statementFailure;
        }
        String message = String.valueOf(e.getMessage());
        FailureKind kind = FailureKind.OTHER;
        if (FailureKind.isDiskFull(message)) {
            kind = FailureKind.OUT_OF_SPACE;
        } else if (message.contains("java.lang.OutOfMemoryError")) {
            kind = FailureKind.OUT_OF_MEMORY;
        }
        return new StatementFailure(kind, Warehouse.firstLine(detail(e)), e);
    }

    /**
     * What went wrong, in the words of whatever failed: a failed job's message wraps its task's failure in Spark's
     * account of stages, tasks and executors, and names the exception's class.
     */
    private static String detail(Throwable e) {
        if (!(e instanceof SparkException) || e.getCause() == null) {
            return String.valueOf(e.getMessage());
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? String.valueOf(e.getMessage()) : cause.getMessage();
    }
}
