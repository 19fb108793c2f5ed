package dev.pvw.warehouse;

import static java.util.Objects.requireNonNull;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned schema scripts {@code schema/V<n>__<what>.sql} in order and records each in
 * {@code core.schema_history}. Every script is idempotent ({@code CREATE ... IF NOT EXISTS}, {@code ADD COLUMN IF NOT
 * EXISTS}) and all of them run each time, so that whatever init creates is recreated if it went missing, and data is
 * never dropped or changed. Written here rather than taken from Flyway because Flyway's DuckDB module is no longer
 * released alongside Flyway itself.
 */
public final class SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    /** Every schema version, oldest first. A released script is never edited: add a new one. */
    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "warehouse", false),
            new Migration(2, "quarantine_retention", false),
            new Migration(3, "rollups", true));

    private final Warehouse warehouse;
    private final Clock clock;

    public SchemaMigrator(Warehouse warehouse, Clock clock) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Brings the schema up to date; returns how many new scripts it applied. Never drops or changes data. */
    public int migrate() {
        return warehouse.inTransaction(() -> {
            warehouse.execute("schema/create_schema_history", Map.of());
            Map<Integer, Long> applied = warehouse
                    .query(
                            "schema/applied_migrations",
                            Map.of(),
                            (rs, context) -> Map.entry(rs.getInt(1), rs.getLong(3)))
                    .stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            int count = 0;
            for (Migration migration : MIGRATIONS) {
                long checksum = checksum(warehouse, migration);
                Long recorded = applied.get(migration.version());
                if (recorded != null) {
                    if (recorded != checksum) {
                        throw new PvwException(
                                ErrorCode.FAILURE,
                                "Schema script " + migration.scriptName() + " has changed since it was applied to "
                                        + warehouse.url().redacted() + "; restore it and add a new version instead.");
                    }
                    // Re-running a recorded script recreates anything dropped since; scripts are idempotent.
                    warehouse.execute(migration.scriptName(), Map.of());
                    continue;
                }
                LOG.info("Applying schema script {}", migration.scriptName());
                warehouse.execute(migration.scriptName(), Map.of());
                if (migration.fillsOnce()) {
                    warehouse.execute(migration.fillScriptName(), Map.of());
                }
                warehouse.update(
                        "schema/record_migration",
                        Map.of(
                                "version", migration.version(),
                                "description", migration.description(),
                                "checksum", checksum,
                                "installed_at", Warehouse.timestamp(LocalDateTime.now(clock))));
                count++;
            }
            return count;
        });
    }

    private static long checksum(Warehouse warehouse, Migration migration) {
        CRC32 crc = new CRC32();
        crc.update(warehouse.scriptText(migration.scriptName()).getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /**
     * One versioned schema script; with {@code fillsOnce}, a second script {@code V<n>__<what>_fill} fills what the
     * first created from data already there, once, when the version is first applied (re-running it would double it).
     */
    record Migration(int version, String description, boolean fillsOnce) {
        String scriptName() {
            return "schema/V" + version + "__" + description;
        }

        String fillScriptName() {
            return scriptName() + "_fill";
        }
    }
}
