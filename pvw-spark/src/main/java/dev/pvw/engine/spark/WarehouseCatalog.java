package dev.pvw.engine.spark;

import static java.util.Objects.requireNonNull;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Iceberg catalog of a warehouse as one session sees it: its tables through Iceberg's own API (snapshots, the
 * tables a namespace holds), the session's scratch namespace for work tables, and the views that stand in for an
 * information schema, which Spark lacks.
 */
final class WarehouseCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(WarehouseCatalog.class);

    /** Temporary views that SQL reads in place of information_schema: {@code pvw_catalog_tables}, {@code _columns}. */
    static final String CATALOG_VIEW_PREFIX = "pvw_catalog_";

    static final Namespace RAW = Namespace.of("raw");
    static final Namespace CORE = Namespace.of("core");
    static final Namespace MART = Namespace.of("mart");

    private static final String SCRATCH_PREFIX = "pvw_work_";

    /** How a refusal of a catalog without namespace properties ends: why pvw needs them, and what to configure. */
    static final String NEEDS_NAMESPACE_PROPERTIES = "keeps no namespace properties, where pvw records that a run is"
            + " publishing; configure a REST, Glue, Hive, Nessie or JDBC catalog.";

    private static final StructType TABLES = new StructType()
            .add("table_schema", DataTypes.StringType, false)
            .add("table_name", DataTypes.StringType, false);
    private static final StructType COLUMNS = new StructType()
            .add("table_schema", DataTypes.StringType, false)
            .add("table_name", DataTypes.StringType, false)
            .add("column_name", DataTypes.StringType, false)
            .add("data_type", DataTypes.StringType, false)
            .add("ordinal_position", DataTypes.IntegerType, false);

    private final String name;
    private final Catalog catalog;
    private final Namespace scratch;
    private boolean scratchMade;
    /** The branch a run writes and reads while it runs ({@link PublishingUnit}); null otherwise, meaning main. */
    private String runBranch;

    WarehouseCatalog(String name, Catalog catalog) {
        this.name = requireNonNull(name, "name");
        this.catalog = requireNonNull(catalog, "catalog");
        this.scratch = Namespace.of(SCRATCH_PREFIX
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
    }

    String name() {
        return name;
    }

    /** The namespace of this session's work tables, made now, in which the session's unqualified names resolve. */
    String useScratch(SparkSession session) {
        namespaces().createNamespace(scratch);
        scratchMade = true;
        session.sql("USE " + name + "." + scratch.level(0));
        return scratch.level(0);
    }

    /** Drops the work tables left in the scratch namespace, and the namespace; never throws. */
    void dropScratch() {
        if (!scratchMade) {
            return;
        }
        try {
            for (TableIdentifier table : catalog.listTables(scratch)) {
                catalog.dropTable(table, true);
            }
            namespaces().dropNamespace(scratch);
        } catch (RuntimeException e) {
            LOG.warn("Could not drop the work namespace {} of {}: {}", scratch, name, e.getMessage());
        }
    }

    /** The table a statement names: schema-qualified, or a work table in the scratch namespace; empty if none is. */
    Optional<TableIdentifier> identifier(String written) {
        TableIdentifier identifier =
                written.contains(".") ? TableIdentifier.parse(written) : TableIdentifier.of(scratch, written);
        return catalog.tableExists(identifier) ? Optional.of(identifier) : Optional.empty();
    }

    Table table(TableIdentifier identifier) {
        return catalog.loadTable(identifier);
    }

    /** Makes the session's snapshots those of {@code branch} where a table has it; null for main again. */
    void useBranch(String branch) {
        runBranch = branch;
    }

    /** The table's latest snapshot as this session writes it (its run's branch, or main); null for one never written. */
    Long currentSnapshotId(TableIdentifier identifier) {
        Snapshot current = head(table(identifier));
        return current == null ? null : current.snapshotId();
    }

    /** The latest snapshot of the run's branch where the table has one, else of main. */
    Snapshot head(Table table) {
        if (runBranch != null && table.refs().containsKey(runBranch)) {
            return table.snapshot(runBranch);
        }
        return table.currentSnapshot();
    }

    /** A property of a namespace of the catalog, if the namespace exists and has it. */
    Optional<String> namespaceProperty(Namespace namespace, String key) {
        if (!namespaces().namespaceExists(namespace)) {
            return Optional.empty();
        }
        return Optional.ofNullable(namespaces().loadNamespaceMetadata(namespace).get(key));
    }

    /** Sets a property of a namespace, in one commit to the catalog. */
    void setNamespaceProperty(Namespace namespace, String key, String value) {
        try {
            namespaces().setProperties(namespace, Map.of(key, value));
        } catch (UnsupportedOperationException e) {
            throw new PvwException(ErrorCode.FAILURE, "The catalog " + name + " " + NEEDS_NAMESPACE_PROPERTIES, e);
        }
    }

    void removeNamespaceProperty(Namespace namespace, String key) {
        namespaces().removeProperties(namespace, Set.of(key));
    }

    /** Creates a table; fails with Iceberg's AlreadyExistsException if it exists. */
    Table createTable(TableIdentifier identifier, org.apache.iceberg.Schema schema, Map<String, String> properties) {
        return catalog.buildTable(identifier, schema).withProperties(properties).create();
    }

    void renameTable(TableIdentifier from, TableIdentifier to) {
        catalog.renameTable(from, to);
    }

    /** Drops a table and its files. */
    void dropTable(TableIdentifier identifier) {
        catalog.dropTable(identifier, true);
    }

    void createNamespaceIfMissing(Namespace namespace) {
        if (namespaces().namespaceExists(namespace)) {
            return;
        }
        try {
            namespaces().createNamespace(namespace);
        } catch (RuntimeException e) {
            // Another process made it at the same moment (the JDBC catalog says so with a failed INSERT, not an
            // AlreadyExistsException): it exists, as wanted.
            if (!namespaces().namespaceExists(namespace)) {
                throw e;
            }
        }
    }

    /** The snapshot each table of core and mart has on main now, as readers see it; absent for a table never written. */
    Map<TableIdentifier, Long> publishedSnapshots() {
        Map<TableIdentifier, Long> snapshots = new java.util.HashMap<>();
        for (TableIdentifier identifier : tables(CORE, MART)) {
            Snapshot current = table(identifier).currentSnapshot();
            if (current != null) {
                snapshots.put(identifier, current.snapshotId());
            }
        }
        return snapshots;
    }

    /** The tables of pvw's namespaces raw, core and mart that exist now. */
    List<TableIdentifier> warehouseTables() {
        return tables(RAW, CORE, MART);
    }

    /** The tables that exist now in these namespaces. */
    List<TableIdentifier> tables(Namespace... namespaces) {
        List<TableIdentifier> tables = new ArrayList<>();
        for (Namespace namespace : namespaces) {
            if (namespaces().namespaceExists(namespace)) {
                tables.addAll(catalog.listTables(namespace));
            }
        }
        return tables;
    }

    /**
     * Makes the views {@code pvw_catalog_tables} (every table of raw, core and mart) and {@code pvw_catalog_columns}
     * (the columns of raw's tables, with their Iceberg types) as the catalog holds them now.
     */
    void refreshCatalogViews(SparkSession session) {
        List<org.apache.spark.sql.Row> tables = new ArrayList<>();
        List<org.apache.spark.sql.Row> columns = new ArrayList<>();
        for (TableIdentifier table : warehouseTables()) {
            String namespace = table.namespace().level(0);
            tables.add(RowFactory.create(namespace, table.name()));
            if (table.namespace().equals(RAW)) {
                List<Types.NestedField> fields = table(table).schema().columns();
                for (int index = 0; index < fields.size(); index++) {
                    Types.NestedField field = fields.get(index);
                    columns.add(RowFactory.create(
                            namespace, table.name(), field.name(), field.type().toString(), index + 1));
                }
            }
        }
        session.createDataFrame(tables, TABLES).createOrReplaceTempView(CATALOG_VIEW_PREFIX + "tables");
        session.createDataFrame(columns, COLUMNS).createOrReplaceTempView(CATALOG_VIEW_PREFIX + "columns");
    }

    private SupportsNamespaces namespaces() {
        return (SupportsNamespaces) catalog;
    }
}
