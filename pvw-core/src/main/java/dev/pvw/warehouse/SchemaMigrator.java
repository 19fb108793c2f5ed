package dev.pvw.warehouse;

import static java.util.Objects.requireNonNull;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned schema scripts {@code schema/V<n>__<what>.sql} in order and records each, with its checksum,
 * in {@code core.schema_history}. A version is applied once; a run then only checks, with one catalog query, that the
 * tables the scripts create are there. Every script is idempotent ({@code CREATE ... IF NOT EXISTS}, {@code ADD COLUMN
 * IF NOT EXISTS}), so that {@code init}, or a run that finds a table missing, re-runs them all to recreate what went
 * missing, and data is never dropped or changed. Written here rather than taken from Flyway because Flyway's DuckDB
 * module is no longer released alongside Flyway itself.
 */
public final class SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    /** Every schema version, oldest first. A released script is never edited: add a new one. */
    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "warehouse", false, false),
            new Migration(2, "quarantine_retention", false, false),
            new Migration(3, "rollups", true, false),
            new Migration(4, "merge_on_read", false, true));

    /** The newest schema version this pvw knows. */
    public static final int LATEST = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

    private static final Pattern CREATED_TABLE = Pattern.compile("(?i)CREATE TABLE IF NOT EXISTS ([a-z_]+\\.[a-z_]+)");

    private final Warehouse warehouse;
    private final Clock clock;

    public SchemaMigrator(Warehouse warehouse, Clock clock) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * Brings the schema up to date by running every script, which recreates whatever went missing, and records the
     * versions not applied before; returns how many. Never drops or changes data. What {@code init} does.
     */
    public int migrate() {
        return warehouse.inTransaction(() -> {
            warehouse.execute("schema/create_schema_history", Map.of());
            Map<Integer, Long> applied = Schema.read(warehouse).applied();
            verifyChecksums(applied);
            int count = 0;
            for (Migration migration : MIGRATIONS) {
                Optional<String> script = text(migration);
                if (applied.containsKey(migration.version())) {
                    // Re-running a recorded script recreates anything dropped since; scripts are idempotent.
                    script.ifPresent(ignored -> warehouse.execute(migration.scriptName(), Map.of()));
                    continue;
                }
                if (script.isPresent()) {
                    LOG.info("Applying schema script {}", migration.scriptName());
                    warehouse.execute(migration.scriptName(), Map.of());
                }
                if (migration.fillsOnce()) {
                    warehouse.execute(migration.fillScriptName(), Map.of());
                }
                warehouse.update(
                        "schema/record_migration",
                        Map.of(
                                "version", migration.version(),
                                "description", migration.description(),
                                "checksum", checksum(migration),
                                "installed_at", Warehouse.timestamp(LocalDateTime.now(clock))));
                count++;
            }
            return count;
        });
    }

    /**
     * What a run does first: checks with one catalog query that every version is applied and every table is there,
     * and only if not migrates. Returns the tables that were missing from a warehouse pvw had created before (a new
     * warehouse misses them all, which is not worth saying).
     */
    public List<String> ensureCurrent() {
        Schema schema = Schema.read(warehouse);
        if (!schema.created()) {
            migrate();
            return List.of();
        }
        verifyChecksums(schema.applied());
        List<String> missing =
                createdTables().stream().filter(table -> !schema.has(table)).toList();
        boolean behind =
                MIGRATIONS.stream().anyMatch(migration -> !schema.applied().containsKey(migration.version()));
        if (missing.isEmpty() && !behind) {
            LOG.debug("Schema is at version {} with every table in place", LATEST);
            return List.of();
        }
        if (!missing.isEmpty()) {
            LOG.warn("Recreating what went missing from {}: {}", warehouse.url(), missing);
        }
        migrate();
        return missing;
    }

    /** The tables the schema scripts of this engine create, schema-qualified, in name order. */
    List<String> createdTables() {
        TreeSet<String> tables = new TreeSet<>();
        for (Migration migration : MIGRATIONS) {
            Matcher created = CREATED_TABLE.matcher(text(migration).orElse(""));
            while (created.find()) {
                tables.add(created.group(1));
            }
        }
        return List.copyOf(tables);
    }

    private void verifyChecksums(Map<Integer, Long> applied) {
        for (Migration migration : MIGRATIONS) {
            Long recorded = applied.get(migration.version());
            if (recorded != null && recorded != checksum(migration)) {
                throw new PvwException(
                        ErrorCode.FAILURE,
                        "Schema script " + migration.scriptName() + " has changed since it was applied to "
                                + warehouse.url().redacted() + "; restore it and add a new version instead.");
            }
        }
    }

    /** The checksum of the version's script on this engine; of no text where the engine has none. */
    private long checksum(Migration migration) {
        CRC32 crc = new CRC32();
        crc.update(text(migration).orElse("").getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /** The version's script on this engine: empty for a version of some engines only, where this one has none. */
    private Optional<String> text(Migration migration) {
        return migration.someEnginesOnly()
                ? warehouse.ownScriptText(migration.scriptName())
                : Optional.of(warehouse.scriptText(migration.scriptName()));
    }

    /**
     * One versioned schema script; with {@code fillsOnce}, a second script {@code V<n>__<what>_fill} fills what the
     * first created from data already there, once, when the version is first applied (re-running it would double it).
     * With {@code someEnginesOnly}, only the engines whose own folder has the script need the version (a table property
     * of Iceberg's, say): it is applied there and recorded, with no script, on every other engine.
     */
    record Migration(int version, String description, boolean fillsOnce, boolean someEnginesOnly) {
        String scriptName() {
            return "schema/V" + version + "__" + description;
        }

        String fillScriptName() {
            return scriptName() + "_fill";
        }
    }
}
