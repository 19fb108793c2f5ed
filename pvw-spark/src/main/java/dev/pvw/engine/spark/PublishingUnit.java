package dev.pvw.engine.spark;

import static java.util.Objects.requireNonNull;

import dev.pvw.pipeline.TestPause;
import dev.pvw.warehouse.UnitOfWork;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's writes as Iceberg's write-audit-publish (SPEC section 5). Every {@code core} and {@code mart} table gets a
 * branch of the run's own, {@code pvw_run_<id>}, which the run's statements write and read (Spark's
 * {@code spark.wap.branch}) while readers go on reading {@code main}; the run's checks audit the branches. The extract
 * tables get the branch too, never written: it pins them at their snapshot of the run's start, so an extract process
 * that reloads one mid-run changes nothing the run reads. To publish, a journal entry (a property of the {@code core}
 * namespace, set in one catalog commit) records the branch; each table's {@code main} is fast-forwarded to it and the
 * branch removed, in one commit per table, {@code core.runs} last; the extracts' branches are removed; then the entry.
 * {@link #recover} finishes a publish that the journal shows was interrupted, and removes the branches of a run killed
 * before it published, whose writes no reader ever saw.
 */
final class PublishingUnit implements UnitOfWork {
    private static final Logger LOG = LoggerFactory.getLogger(PublishingUnit.class);

    static final String BRANCH_PREFIX = "pvw_run_";
    /** The journal: set on the {@code core} namespace while a run's branches are being published. */
    static final String JOURNAL_PROPERTY = "pvw.publishing";

    private static final String WAP_BRANCH = "spark.wap.branch";
    private static final String MAIN = SnapshotRef.MAIN_BRANCH;
    private static final TableIdentifier RUNS = TableIdentifier.of(WarehouseCatalog.CORE, "runs");

    private final SparkSession session;
    private final WarehouseCatalog catalog;
    private String branch;

    PublishingUnit(SparkSession session, WarehouseCatalog catalog) {
        this.session = requireNonNull(session, "session");
        this.catalog = requireNonNull(catalog, "catalog");
    }

    @Override
    public List<String> recover() {
        return SparkEngineSession.guarded(() -> {
            List<String> done = new ArrayList<>();
            Optional<String> publishing = catalog.namespaceProperty(WarehouseCatalog.CORE, JOURNAL_PROPERTY);
            if (publishing.isPresent()) {
                int tables = fastForwardAll(publishing.get(), true);
                removeBranch(publishing.get(), extracts());
                catalog.removeNamespaceProperty(WarehouseCatalog.CORE, JOURNAL_PROPERTY);
                done.add("Run " + runId(publishing.get()) + " was stopped while publishing its tables; finished"
                        + " publishing it (" + tables + " tables were left to publish)");
            }
            TreeSet<String> abandoned = new TreeSet<>();
            for (TableIdentifier identifier : catalog.warehouseTables()) {
                Table table = catalog.table(identifier);
                List<String> branches = table.refs().keySet().stream()
                        .filter(name -> name.startsWith(BRANCH_PREFIX))
                        .toList();
                for (String name : branches) {
                    table.manageSnapshots().removeBranch(name).commit();
                    abandoned.add(name);
                }
            }
            abandoned.forEach(name -> done.add("Run " + runId(name) + " was stopped before publishing; dropped what it"
                    + " had written, which no reader saw"));
            return done;
        });
    }

    @Override
    public void begin(long runId) {
        String name = BRANCH_PREFIX + runId;
        SparkEngineSession.guarded(() -> {
            for (TableIdentifier identifier : tables()) {
                Table table = catalog.table(identifier);
                enableBranchReads(table);
                if (table.currentSnapshot() == null) {
                    // A branch starts at a snapshot, and main must be its ancestor to be fast-forwarded to it.
                    table.newAppend().commit();
                    table.refresh();
                }
                table.manageSnapshots().createBranch(name).commit();
            }
            for (TableIdentifier identifier : extracts()) {
                Table table = catalog.table(identifier);
                enableBranchReads(table);
                if (table.currentSnapshot() != null) {
                    table.manageSnapshots().createBranch(name).commit();
                }
            }
            return null;
        });
        branch = name;
        catalog.useBranch(name);
        session.conf().set(WAP_BRANCH, name);
    }

    @Override
    public void publish() {
        String name = requireNonNull(branch, "no run has begun");
        stopWritingBranch();
        SparkEngineSession.guarded(() -> {
            catalog.setNamespaceProperty(WarehouseCatalog.CORE, JOURNAL_PROPERTY, name);
            fastForwardAll(name, false);
            removeBranch(name, extracts());
            catalog.removeNamespaceProperty(WarehouseCatalog.CORE, JOURNAL_PROPERTY);
            return null;
        });
        branch = null;
    }

    @Override
    public void abort() {
        String name = branch;
        if (name == null) {
            return;
        }
        branch = null;
        stopWritingBranch();
        try {
            SparkEngineSession.guarded(() -> {
                removeBranch(name, catalog.warehouseTables());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn(
                    "Could not remove the branches {} of the failed run; the next run removes them: {}",
                    name,
                    e.getMessage());
        }
    }

    /**
     * Fast-forwards every table that still has branch {@code name} to it and removes the branch, {@code core.runs}
     * last, so that a run shows as finished only once its tables are published; returns how many tables it did.
     */
    private int fastForwardAll(String name, boolean recovering) {
        int published = 0;
        for (TableIdentifier identifier : publishingOrder()) {
            Table table = catalog.table(identifier);
            if (!table.refs().containsKey(name)) {
                continue;
            }
            if (recovering) {
                // Nothing but the publishing run writes these tables' main once the journal names it, except the run
                // log, where a run whose publish failed part-way recorded the failure; its branch has the run's
                // outcome.
                table.manageSnapshots()
                        .replaceBranch(MAIN, name)
                        .removeBranch(name)
                        .commit();
            } else {
                table.manageSnapshots()
                        .fastForwardBranch(MAIN, name)
                        .removeBranch(name)
                        .commit();
            }
            published++;
            if (!recovering && published == 1) {
                TestPause.at("publishing");
            }
        }
        LOG.debug("Published {} tables of branch {}", published, name);
        return published;
    }

    /** Spark reads and writes a table's {@code spark.wap.branch} only where the table enables write-audit-publish. */
    private static void enableBranchReads(Table table) {
        if (!"true".equals(table.properties().get(TableProperties.WRITE_AUDIT_PUBLISH_ENABLED))) {
            table.updateProperties()
                    .set(TableProperties.WRITE_AUDIT_PUBLISH_ENABLED, "true")
                    .commit();
        }
    }

    private void removeBranch(String name, List<TableIdentifier> identifiers) {
        for (TableIdentifier identifier : identifiers) {
            Table table = catalog.table(identifier);
            if (table.refs().containsKey(name)) {
                table.manageSnapshots().removeBranch(name).commit();
            }
        }
    }

    private List<TableIdentifier> extracts() {
        return catalog.tables(WarehouseCatalog.RAW);
    }

    private List<TableIdentifier> publishingOrder() {
        return tables().stream()
                .sorted(Comparator.comparing((TableIdentifier table) -> table.equals(RUNS))
                        .thenComparing(TableIdentifier::toString))
                .toList();
    }

    private List<TableIdentifier> tables() {
        return catalog.tables(WarehouseCatalog.CORE, WarehouseCatalog.MART);
    }

    private void stopWritingBranch() {
        session.conf().unset(WAP_BRANCH);
        catalog.useBranch(null);
    }

    private static String runId(String branch) {
        return branch.substring(BRANCH_PREFIX.length());
    }
}
