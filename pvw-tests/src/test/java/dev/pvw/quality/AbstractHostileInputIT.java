package dev.pvw.quality;

import static dev.pvw.testing.CliSentences.sentenceOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvw.testing.CliResult;
import dev.pvw.testing.CommittedState;
import dev.pvw.testing.MartRow;
import dev.pvw.testing.PageviewRow;
import dev.pvw.testing.TestTier;
import dev.pvw.testing.TestingEngine;
import dev.pvw.testing.TestingWarehouse;
import dev.pvw.testing.UserRow;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile and malformed input (issue 5, item 2) on a real engine: extract tables of the wrong shape, NULLs in every
 * column, extreme values, a batch of a million identical rows, and configuration that is not a plain name. Each gets
 * a clear message or the contract's result, and leaves a warehouse that passes {@code pvw check --full}.
 *
 * <p>Every test starts from a copy of one committed run: users 1 (A) and 2 (B), one pageview each on 2026-01-01 at 10:00.
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class AbstractHostileInputIT {
    private static final String FIRST_HOUR = "2026-01-01T10:00";

    @TempDir
    Path directory;

    /** The first run, committed once for the class; each test works on a copy of its own. */
    private TestingWarehouse firstRun;

    TestingWarehouse warehouse;

    abstract TestingEngine engine();

    /** How the engine's information schema names a type the test wrote as {@code sqlType}. */
    abstract String shownType(String sqlType);

    /** The engine's spelling of a column type the test writes in its DDL; the SQL standard's by default. */
    String columnType(String sqlType) {
        return sqlType;
    }

    /** A FROM clause of {@code rows} rows, for the test's own INSERT ... SELECT. */
    String rowsFrom(long rows) {
        return "generate_series(1, " + rows + ") AS numbers(i)";
    }

    /** The column list of a CREATE TABLE written with the SQL standard's types, in the engine's spelling. */
    private String columns(String... columns) {
        return Stream.of(columns)
                .map(column -> column.substring(0, column.indexOf(' ') + 1)
                        + columnType(column.substring(column.indexOf(' ') + 1)))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    @BeforeAll
    void commitAFirstRun(@TempDir Path templateDirectory) {
        firstRun = TestingWarehouse.initialized(engine(), templateDirectory);
        firstRun.landUsers(List.of(new UserRow(1L, "A"), new UserRow(2L, "B")));
        firstRun.landPageviews(List.of(view(1L, "2026-01-01T10:00:00"), view(2L, "2026-01-01T10:30:00")));
        firstRun.run("2026-01-01T11:05:00", 0);
    }

    @BeforeEach
    void copyTheFirstRun() {
        warehouse = firstRun.copyInto(directory).heldOpen();
    }

    @AfterEach
    void closeWarehouse() {
        warehouse.close();
    }

    // --- Extract tables of the wrong shape -------------------------------------------------------------------

    @Test
    void aMissingColumnFailsNamingTheTableAndColumnAndChangesNothing() {
        landNewContent();
        warehouse.execute("ALTER TABLE raw.users_extract DROP COLUMN postcode");

        assertFailsChangingNothing("raw.users_extract has no column postcode (its columns are id)");
    }

    @Test
    void aRenamedColumnFailsNamingTheTableTheColumnAndWhatIsThere() {
        landNewContent();
        warehouse.execute("ALTER TABLE raw.pageviews_extract RENAME COLUMN pageview_datetime TO viewed_at");

        assertFailsChangingNothing(
                "raw.pageviews_extract has no column pageview_datetime (its columns are user_id, url, viewed_at)");
    }

    static Stream<Arguments> unexpectedTypes() {
        return Stream.of(
                Arguments.of("users_extract", "id VARCHAR, postcode VARCHAR", "id", "VARCHAR", "BIGINT"),
                Arguments.of("users_extract", "id BIGINT, postcode INTEGER", "postcode", "INTEGER", "VARCHAR"),
                Arguments.of(
                        "pageviews_extract",
                        "user_id BIGINT, url VARCHAR, pageview_datetime VARCHAR",
                        "pageview_datetime",
                        "VARCHAR",
                        "TIMESTAMP"),
                Arguments.of(
                        "pageviews_extract",
                        "user_id BIGINT, url VARCHAR, pageview_datetime TIMESTAMP WITH TIME ZONE",
                        "pageview_datetime",
                        "TIMESTAMP WITH TIME ZONE",
                        "TIMESTAMP"),
                Arguments.of(
                        "pageviews_extract",
                        "user_id BIGINT, url VARCHAR, pageview_datetime DATE",
                        "pageview_datetime",
                        "DATE",
                        "TIMESTAMP"),
                Arguments.of(
                        "pageviews_extract",
                        "user_id DOUBLE PRECISION, url VARCHAR, pageview_datetime TIMESTAMP",
                        "user_id",
                        "DOUBLE PRECISION",
                        "BIGINT"));
    }

    @ParameterizedTest(name = "{0}.{2} as {3}")
    @MethodSource("unexpectedTypes")
    void aColumnOfAnUnexpectedTypeFailsNamingTheTableColumnAndTypes(
            String table, String columns, String column, String type, String expected) {
        landNewContent();
        warehouse.execute(
                "DROP TABLE raw." + table, "CREATE TABLE raw." + table + " (" + columns(columns.split(", ")) + ")");

        assertFailsChangingNothing(
                "raw." + table + "." + column + " is " + shownType(type) + " where " + expected + " is expected");
    }

    @Test
    void narrowerIntegerAndTextTypesAreReadAsTheContractsTypes() {
        warehouse.execute(
                "DROP TABLE raw.users_extract",
                "CREATE TABLE raw.users_extract (" + columns("id INTEGER", "postcode TEXT") + ")",
                "INSERT INTO raw.users_extract VALUES (1, 'C'), (2, 'B')",
                "DROP TABLE raw.pageviews_extract",
                "CREATE TABLE raw.pageviews_extract ("
                        + columns("user_id SMALLINT", "url TEXT", "pageview_datetime TIMESTAMP") + ")",
                "INSERT INTO raw.pageviews_extract VALUES (1, '/a', TIMESTAMP '2026-01-02 10:00:00')");

        warehouse.run("2026-01-02T11:05:00", 0);

        assertThat(warehouse.currentMart())
                .containsExactly(row(FIRST_HOUR, "B", 1), row(FIRST_HOUR, "C", 1), row("2026-01-02T10:00", "C", 1));
        assertEveryCheckPasses();
    }

    @Test
    void aMissingExtractTableIsRecreatedEmptyAsInitWouldAndTheRunSaysSo() {
        warehouse.execute("DROP TABLE raw.pageviews_extract");

        CliResult result = warehouse.run("2026-01-01T12:05:00", 0);

        assertThat(result.out())
                .contains("  notice:     raw.pageviews_extract was missing, so this run created it empty; check the"
                        + " extract process that loads it.")
                .contains("pageviews extract is empty");
        assertThat(warehouse.queryLong("SELECT count(*) FROM raw.pageviews_extract"))
                .isZero();
        assertThat(warehouse.run("2026-01-01T13:05:00", 0).out()).doesNotContain("notice:");
    }

    // --- NULLs ----------------------------------------------------------------------------------------------

    @Test
    void nullsInEveryColumnAreQuarantinedOrCountedAsTheContractSays() throws IOException {
        warehouse.landUsers(List.of(
                new UserRow(1L, "A"),
                new UserRow(2L, "B"),
                new UserRow(5L, null),
                new UserRow(null, null),
                new UserRow(null, "Z")));
        warehouse.landPageviews(List.of(
                new PageviewRow(null, null, null),
                new PageviewRow(5L, null, null),
                new PageviewRow(null, "/nobody", at("2026-01-02T10:00:00")),
                new PageviewRow(5L, null, at("2026-01-02T10:05:00")),
                new PageviewRow(1L, null, at("2026-01-02T10:10:00"))));

        CliResult result = warehouse.run("2026-01-02T11:05:00", 0);

        assertThat(result.out())
                .contains("3 users, 1 new", "2 rows quarantined")
                .contains("2 pageviews counted, 3 rows quarantined");
        assertThat(warehouse.atViewMart()).contains(row("2026-01-02T10:00", null, 1), row("2026-01-02T10:00", "A", 1));
        List<Map<String, Object>> quarantined = new ObjectMapper()
                .readValue(
                        warehouse
                                .pvw("quarantine", "--run", "2", "--format", "json")
                                .out(),
                        new TypeReference<>() {});
        assertThat(quarantined)
                .extracting(quarantinedRow -> quarantinedRow.get("reason"))
                .containsExactlyInAnyOrder(
                        "null_user_id", "null_user_id", "null_pageview_datetime", "null_id", "null_id");
        assertThat(quarantined)
                .filteredOn(quarantinedRow -> quarantinedRow.get("url") == null
                        && quarantinedRow.get("user_id") == null
                        && quarantinedRow.get("pageview_datetime") == null
                        && "pageviews".equals(quarantinedRow.get("source")))
                .hasSize(1);
        assertEveryCheckPasses();
    }

    @Test
    void aUsersExtractOfNullIdsOnlyIsRefusedByTheGuardAndChangesNoUser() {
        warehouse.landUsers(List.of(new UserRow(null, null), new UserRow(null, "A")));
        warehouse.landPageviews(List.of(view(1L, "2026-01-02T10:00:00")));

        CliResult refused = warehouse.run("2026-01-02T11:05:00", 3);

        assertThat(refused.err()).contains("no valid rows");
        assertThat(warehouse.currentMart()).contains(row("2026-01-02T10:00", "A", 1));
        assertEveryCheckPasses();
    }

    // --- Extreme values -------------------------------------------------------------------------------------

    @Test
    void idsAtTheLimitsOfBigintAreUsersLikeAnyOther() {
        warehouse.landUsers(List.of(
                new UserRow(Long.MAX_VALUE, "MAX"),
                new UserRow(Long.MIN_VALUE, "MIN"),
                new UserRow(0L, "ZERO"),
                new UserRow(-1L, "MINUS")));
        warehouse.landPageviews(List.of(
                view(Long.MAX_VALUE, "2026-01-02T10:00:00"),
                view(Long.MIN_VALUE, "2026-01-02T10:00:01"),
                view(0L, "2026-01-02T10:00:02"),
                view(-1L, "2026-01-02T10:00:03"),
                view(Long.MAX_VALUE - 1, "2026-01-02T10:00:04")));

        warehouse.run("2026-01-02T11:05:00", 0);

        assertThat(warehouse.atViewMart())
                .filteredOn(row -> row.hourStart().equals(at("2026-01-02T10:00")))
                .containsExactlyInAnyOrder(
                        row("2026-01-02T10:00", null, 1),
                        row("2026-01-02T10:00", "MAX", 1),
                        row("2026-01-02T10:00", "MIN", 1),
                        row("2026-01-02T10:00", "ZERO", 1),
                        row("2026-01-02T10:00", "MINUS", 1));
        assertThat(warehouse.queryLong("SELECT min(user_id) FROM core.user_postcode_history"))
                .isEqualTo(Long.MIN_VALUE);
        assertEveryCheckPasses();
    }

    @Test
    void aUrlOfAHundredThousandCharactersIsCountedAndQuarantinedWhole() {
        String url = "https://www.website.com/" + "x".repeat(100_000 - 24);
        List<PageviewRow> batch = List.of(
                new PageviewRow(1L, url, at("2026-01-02T10:00:00")),
                new PageviewRow(null, url, at("2026-01-02T10:01:00")));
        warehouse.landPageviews(batch);

        warehouse.run("2026-01-02T11:05:00", 0);
        warehouse.landPageviews(batch);
        CliResult again = warehouse.run("2026-01-02T12:05:00", 0);

        assertThat(again.out()).contains("already loaded with this content");
        assertThat(warehouse.queryLong("SELECT max(length(url)) FROM core.pageview_fact"))
                .isEqualTo(100_000);
        assertThat(warehouse.pvw("quarantine", "--run", "2").out())
                .contains("https://www.website.com/xxx")
                .contains("... (100000 characters)");
        String csv =
                warehouse.pvw("quarantine", "--run", "2", "--format", "csv").out();
        assertThat(csv).contains("," + url + ",");
        assertEveryCheckPasses();
    }

    @Test
    void postcodesWithUnicodeAndControlCharactersAreTrimmedAndUpperCasedOnly() {
        warehouse.landUsers(List.of(
                new UserRow(1L, "A"),
                new UserRow(2L, "B"),
                new UserRow(11L, " ñw1 ßé "),
                new UserRow(12L, "ab\u0007c"),
                new UserRow(13L, "\tsw1a 1aa\r\n"),
                new UserRow(14L, "z\u001b[31m"),
                new UserRow(15L, "日本"),
                new UserRow(16L, "\u00a0n1\u00a0"),
                new UserRow(17L, "Ωmega ω")));
        List<PageviewRow> views = new ArrayList<>();
        for (long user = 11; user <= 17; user++) {
            views.add(view(user, "2026-01-02T10:00:00"));
        }
        warehouse.landPageviews(views);

        warehouse.run("2026-01-02T11:05:00", 0);

        // a-z upper-cased, spaces, tabs, line feeds and carriage returns trimmed; every other character kept.
        assertThat(warehouse.currentMart())
                .filteredOn(row -> row.hourStart().equals(at("2026-01-02T10:00")))
                .extracting(MartRow::postcode)
                .containsExactlyInAnyOrder(
                        "ñW1 ßé", "AB\u0007C", "SW1A 1AA", "Z\u001b[31M", "日本", "\u00a0N1\u00a0", "ΩMEGA ω");
        CliResult table = warehouse.pvw("query", "current", "--grain", "hour");
        assertThat(table.out())
                .contains("AB\\u0007C", "Z\\u001B[31M", "\u00a0N1\u00a0")
                .doesNotContain("\u0007", "\u001b");
        CliResult onePostcode =
                warehouse.pvw("query", "at-view", "--grain", "hour", "--postcode", " ab\u0007c", "--format", "csv");
        assertThat(onePostcode.out().lines().toList())
                .containsExactly("period_start,postcode,pageviews", "2026-01-02T10:00:00,AB\u0007C,1");
        assertEveryCheckPasses();
    }

    @Test
    void aPageviewInYearOneIsCountedInItsHourAndOneInYear9999IsQuarantinedAsLaterThanAsOf() {
        warehouse.landPageviews(List.of(
                view(1L, "0001-01-01T00:30:00"), view(2L, "0001-01-01T00:40:00"), view(1L, "9999-12-31T23:59:59")));

        CliResult first = warehouse.run("2026-01-02T11:05:00", 0);

        assertThat(first.out())
                .contains("batch 2 for 0001-01-01T00:00 loaded: 2 pageviews counted, 1 rows quarantined");
        assertThat(warehouse.atViewMart()).contains(row("0001-01-01T00:00", "A", 1), row("0001-01-01T00:00", "B", 1));
        assertThat(warehouse
                        .pvw("quarantine", "--reason", "pageview_after_as_of", "--format", "csv")
                        .out())
                .contains("pageviews,2,2,,pageview_after_as_of,1,,/page/1,9999-12-31T23:59:59");
        assertThat(warehouse
                        .pvw("query", "current", "--grain", "year", "--format", "csv")
                        .out())
                .contains("0001-01-01T00:00:00,A,1", "0001-01-01T00:00:00,B,1");
        assertThat(warehouse.pvw("status").exitCode()).isZero();

        // Other content for the same hour of year 1 replaces that batch, as for any hour.
        warehouse.landPageviews(List.of(view(2L, "0001-01-01T00:50:00")));
        CliResult replaced = warehouse.run("2026-01-02T12:05:00", 0);

        assertThat(replaced.out()).contains("batch 3 for 0001-01-01T00:00 replaced the earlier batch");
        assertThat(warehouse.atViewMart())
                .filteredOn(row -> row.hourStart().getYear() == 1)
                .containsExactly(row("0001-01-01T00:00", "B", 1));
        assertEveryCheckPasses();
    }

    /** Identical rows, a million in the full tier; the rule is the same at ten thousand, which the fast tier runs. */
    @Test
    void aBatchOfManyIdenticalRowsIsAsManyPageviews() {
        long rows = TestTier.full() ? 1_000_000 : 10_000;
        warehouse.execute(
                "DELETE FROM raw.pageviews_extract",
                "INSERT INTO raw.pageviews_extract (user_id, url, pageview_datetime)"
                        + " SELECT 1, '/same', TIMESTAMP '2026-01-02 10:00:00'"
                        + " FROM " + rowsFrom(rows));

        CliResult result = warehouse.run("2026-01-02T11:05:00", 0);

        assertThat(result.out()).contains(rows + " pageviews counted, 0 rows quarantined");
        assertThat(warehouse.currentMart()).contains(row("2026-01-02T10:00", "A", rows));
        assertThat(warehouse.queryLong("SELECT extract_rows FROM core.pageview_batches WHERE batch_id = 2"))
                .isEqualTo(rows);
        assertEveryCheckPasses();
    }

    // --- Configuration --------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bi\"; DROP SCHEMA mart CASCADE; --",
                "bi' OR '1'='1",
                "bi reader",
                "bi-reader",
                "mart.reader",
                "1bi",
                "bï",
                "",
                "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr"
            })
    void aRoleNameThatIsNotAPlainIdentifierIsRefusedBeforeAnySql(String role) {
        CommittedState before = CommittedState.of(warehouse);

        CliResult result = warehouse.pvw("grant-read", role);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(sentenceOf(result)).contains("is not a plain identifier");
        assertThat(CommittedState.of(warehouse)).isEqualTo(before);
    }

    // --- Helpers ---------------------------------------------------------------------------------------------

    /** New content in both extracts, so that a run which committed anything would show. */
    private void landNewContent() {
        warehouse.landUsers(List.of(new UserRow(1L, "C"), new UserRow(2L, "B")));
        warehouse.landPageviews(List.of(view(1L, "2026-01-02T10:00:00")));
    }

    private void assertFailsChangingNothing(String problem) {
        CommittedState before = CommittedState.of(warehouse);

        CliResult failed = warehouse.pvw("run", "--as-of", "2026-01-02T11:05:00");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(sentenceOf(failed))
                .startsWith("The extract tables are not as pvw reads them, so the run changed nothing: ")
                .contains(problem)
                .endsWith("fix the extract tables to have raw.users_extract(id BIGINT, postcode VARCHAR) and"
                        + " raw.pageviews_extract(user_id BIGINT, url VARCHAR, pageview_datetime TIMESTAMP), then"
                        + " run again.");
        assertThat(CommittedState.of(warehouse)).isEqualTo(before);
        assertThat(warehouse.query("SELECT outcome FROM core.runs ORDER BY run_id", rs -> rs.getString(1)))
                .containsExactly("succeeded", "failed");
    }

    private void assertEveryCheckPasses() {
        CliResult checked = warehouse.pvw("check", "--full");
        assertThat(checked.exitCode()).as(checked.toString()).isZero();
    }

    private static PageviewRow view(Long userId, String time) {
        return new PageviewRow(userId, "/page/" + userId, at(time));
    }

    private static LocalDateTime at(String time) {
        return LocalDateTime.parse(time);
    }

    private static MartRow row(String hour, String postcode, long pageviews) {
        return new MartRow(at(hour), postcode, pageviews);
    }
}
