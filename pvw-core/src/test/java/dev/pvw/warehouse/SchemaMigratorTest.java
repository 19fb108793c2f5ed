package dev.pvw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvw.PvwException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {
    private static final List<String> EVERY_TABLE = List.of(
            "core.pageview_batches",
            "core.pageview_fact",
            "core.pageview_user_hours",
            "core.quarantined_pageviews",
            "core.quarantined_users",
            "core.runs",
            "core.user_postcode_history",
            "core.users_snapshots",
            "mart.pageviews_daily_by_current_postcode",
            "mart.pageviews_daily_by_postcode_at_view",
            "mart.pageviews_hourly_by_current_postcode",
            "mart.pageviews_hourly_by_postcode_at_view",
            "raw.pageviews_extract",
            "raw.users_extract");

    @Test
    void theTablesOfEveryVersionAreKnownFromItsScripts() {
        Warehouse warehouse = TestingSessions.warehouse(new RecordingSession(sql -> List.of()));

        assertThat(new SchemaMigrator(warehouse, Clock.systemUTC()).createdTables())
                .containsExactlyElementsOf(EVERY_TABLE);
    }

    @Test
    void aRunOnACurrentWarehouseRunsNoSchemaScript() {
        RecordingSession session = new RecordingSession(answers(EVERY_TABLE, checksums()));

        List<String> recreated =
                new SchemaMigrator(TestingSessions.warehouse(session), Clock.systemUTC()).ensureCurrent();

        assertThat(recreated).isEmpty();
        assertThat(session.statements)
                .as("two catalog queries and nothing else")
                .hasSize(2);
        assertThat(String.join("\n", session.statements)).doesNotContain("CREATE");
    }

    @Test
    void aRunThatFindsATableMissingReRunsTheScriptsAndNamesIt() {
        List<String> existing = new ArrayList<>(EVERY_TABLE);
        existing.remove("raw.pageviews_extract");
        RecordingSession session = new RecordingSession(answers(existing, checksums()));

        List<String> recreated =
                new SchemaMigrator(TestingSessions.warehouse(session), Clock.systemUTC()).ensureCurrent();

        assertThat(recreated).containsExactly("raw.pageviews_extract");
        assertThat(String.join("\n", session.statements)).contains("CREATE TABLE IF NOT EXISTS raw.pageviews_extract");
    }

    @Test
    void aNewWarehouseGetsEveryVersionRecorded() {
        RecordingSession session = new RecordingSession(sql -> List.of());

        List<String> recreated =
                new SchemaMigrator(TestingSessions.warehouse(session), Clock.systemUTC()).ensureCurrent();

        assertThat(recreated).as("nothing worth saying about a new warehouse").isEmpty();
        assertThat(session.statements.stream().filter(sql -> sql.startsWith("INSERT INTO core.schema_history")))
                .hasSize(SchemaMigrator.MIGRATIONS.size());
    }

    @Test
    void aVersionOfSomeEnginesOnlyIsRecordedWithoutAScriptOnAnEngineThatHasNone() {
        RecordingSession session = new RecordingSession(sql -> List.of());

        new SchemaMigrator(TestingSessions.warehouse(session), Clock.systemUTC()).migrate();

        assertThat(SchemaMigrator.MIGRATIONS)
                .filteredOn(SchemaMigrator.Migration::someEnginesOnly)
                .extracting(SchemaMigrator.Migration::version)
                .containsExactly(4);
        assertThat(String.join("\n", session.statements))
                .as("Spark's merge-on-read properties are not this engine's")
                .doesNotContain("merge-on-read");
        assertThat(session.statements.stream().filter(sql -> sql.startsWith("INSERT INTO core.schema_history")))
                .hasSize(SchemaMigrator.MIGRATIONS.size());
    }

    @Test
    void aReleasedScriptThatChangedIsRefusedInOneSentence() {
        Map<Integer, Long> changed = new LinkedHashMap<>(checksums());
        changed.put(1, changed.get(1) + 1);
        RecordingSession session = new RecordingSession(answers(EVERY_TABLE, changed));

        assertThatThrownBy(
                        () -> new SchemaMigrator(TestingSessions.warehouse(session), Clock.systemUTC()).ensureCurrent())
                .isInstanceOf(PvwException.class)
                .hasMessage("Schema script schema/V1__warehouse has changed since it was applied to test:warehouse;"
                        + " restore it and add a new version instead.");
        assertThat(String.join("\n", session.statements)).doesNotContain("CREATE");
    }

    /** Every version applied, with the checksums of the scripts as they are. */
    private static Map<Integer, Long> checksums() {
        Map<Integer, Long> checksums = new LinkedHashMap<>();
        SqlScripts scripts = new SqlScripts(TestingSessions.DIALECT.name());
        for (SchemaMigrator.Migration migration : SchemaMigrator.MIGRATIONS) {
            CRC32 crc = new CRC32();
            String text = migration.someEnginesOnly()
                    ? scripts.findOwn(migration.scriptName())
                            .map(SqlScripts.Script::text)
                            .orElse("")
                    : scripts.get(migration.scriptName()).text();
            crc.update(text.getBytes(StandardCharsets.UTF_8));
            checksums.put(migration.version(), crc.getValue());
        }
        return checksums;
    }

    /** The catalog and the schema history as a warehouse holding {@code tables} at these versions answers them. */
    private static java.util.function.Function<String, List<Map<String, Object>>> answers(
            List<String> tables, Map<Integer, Long> applied) {
        return sql -> {
            if (sql.contains("information_schema.tables")) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (String table : tables) {
                    rows.add(Map.of("table_name", table));
                }
                rows.add(Map.of("table_name", "core.schema_history"));
                return rows;
            }
            if (sql.contains("FROM core.schema_history")) {
                List<Map<String, Object>> rows = new ArrayList<>();
                applied.forEach((version, checksum) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("version", version);
                    row.put("description", "");
                    row.put("checksum", checksum);
                    rows.add(row);
                });
                return rows;
            }
            return List.of();
        };
    }
}
