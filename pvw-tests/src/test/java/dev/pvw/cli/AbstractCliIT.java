package dev.pvw.cli;

import static dev.pvw.testing.CliSentences.sentenceOf;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvw.testing.CliResult;
import dev.pvw.testing.CommittedState;
import dev.pvw.testing.MartRow;
import dev.pvw.testing.PageviewRow;
import dev.pvw.testing.TestingEngine;
import dev.pvw.testing.TestingWarehouse;
import dev.pvw.testing.UserRow;
import dev.pvw.warehouse.SchemaMigrator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * The command line of SPEC section 1, run in-process on a real warehouse of each engine: exit codes, messages, output.
 */
abstract class AbstractCliIT {
    private static final String CSV_HEADER = "period_start,postcode,pageviews";
    private static final Pattern PASSWORD_VALUE = Pattern.compile("(password=)[^&;]*");

    @TempDir
    Path directory;

    TestingWarehouse warehouse;

    abstract TestingEngine engine();

    /** A URL of this engine that names a warehouse which cannot be opened. */
    abstract String unopenableUrl();

    /** A URL of a warehouse of this engine that opens, with {@code password} in it. */
    abstract String openableUrlWithPassword(String password);

    /** {@link #unopenableUrl()}, with {@code password} in it. */
    abstract String unopenableUrlWithPassword(String password);

    /** Fails unless nothing opened the warehouse at {@code url} to create anything in it. */
    abstract void assertUntouched(String url);

    @BeforeEach
    void createWarehouse() {
        warehouse = new TestingWarehouse(engine(), directory).heldOpen();
    }

    @AfterEach
    void closeWarehouse() {
        warehouse.close();
    }

    /** SPEC section 1: commands that only read never create a warehouse, and say so when there is none. */
    @Nested
    class ReadingCommands {
        static Stream<Arguments> readers() {
            return Stream.of(
                    Arguments.of(List.of("status")),
                    Arguments.of(List.of("status", "--check")),
                    Arguments.of(List.of("query", "current")),
                    Arguments.of(List.of("query", "at-view", "--grain", "hour", "--format", "csv")),
                    Arguments.of(List.of("check")),
                    Arguments.of(List.of("check", "--full")),
                    Arguments.of(List.of("quarantine")),
                    Arguments.of(List.of("serve", "--port", "0")));
        }

        @ParameterizedTest(name = "pvw {0}")
        @MethodSource("readers")
        @Timeout(value = 60, unit = TimeUnit.SECONDS)
        void onAWarehouseInitHasNotCreatedExitOneSayingSoAndCreateNothing(List<String> command) {
            CliResult result = warehouse.pvw(command.toArray(String[]::new));

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
            assertThat(sentenceOf(result))
                    .startsWith("No pvw warehouse at " + redacted(warehouse.url()))
                    .contains("check the URL, or run pvw init");
            assertThat(result.out()).isEmpty();
            assertUntouched(warehouse.url());
        }

        @Test
        void onAWarehouseOfAnOlderPvwReadWhatTheyCanAndNameInitOrRunForTheRest() {
            initialise();
            // As a pvw of schema version 2 left it: no daily marts, no rollup, and the history says so.
            warehouse.execute(
                    "DELETE FROM core.schema_history WHERE version >= 3",
                    "DROP TABLE mart.pageviews_daily_by_current_postcode",
                    "DROP TABLE mart.pageviews_daily_by_postcode_at_view",
                    "DROP TABLE core.pageview_user_hours");

            CliResult hourly = warehouse.pvw("query", "current", "--grain", "hour", "--format", "csv");
            CliResult status = warehouse.pvw("status");
            CliResult daily = warehouse.pvw("query", "current");
            CliResult check = warehouse.pvw("check", "--full");

            assertThat(hourly.exitCode()).as(hourly.toString()).isZero();
            assertThat(hourly.out()).isEqualTo(CSV_HEADER + "\n");
            assertThat(status.exitCode()).as(status.toString()).isZero();
            // The daily marts came with version 3; a check needs the latest.
            for (Map.Entry<CliResult, Integer> needs :
                    List.of(Map.entry(daily, 3), Map.entry(check, SchemaMigrator.LATEST))) {
                CliResult tooOld = needs.getKey();
                int version = needs.getValue();
                assertThat(tooOld.exitCode()).as(tooOld.toString()).isEqualTo(ExitCodes.FAILURE);
                assertThat(sentenceOf(tooOld))
                        .contains(
                                "was made by an older pvw (schema version 2, where this command needs " + version + ")")
                        .contains("run pvw init or pvw run on it to bring it up to date");
            }
            assertThat(warehouse.queryLong("SELECT count(*) FROM core.schema_history"))
                    .as("reading migrated nothing")
                    .isEqualTo(2);
        }
    }

    @Nested
    class Succeeds {
        @Test
        void initExitsZeroAndIsSafeToRunAgainWithoutTouchingData() {
            CliResult first = warehouse.pvw("init");

            assertThat(first.exitCode()).as(first.toString()).isZero();
            assertThat(first.out()).contains("is ready").contains(SchemaMigrator.LATEST + " schema version(s) applied");
            assertThat(first.err()).isEmpty();

            warehouse.landUsers(List.of(new UserRow(1L, "AB1")));
            warehouse.landPageviews(List.of(new PageviewRow(1L, "/a", at("2026-01-05T00:10:00"))));
            CliResult again = warehouse.pvw("init");

            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(again.out()).contains("schema already up to date");
            assertThat(warehouse.queryLong("SELECT count(*) FROM raw.users_extract"))
                    .isOne();
            assertThat(warehouse.queryLong("SELECT count(*) FROM raw.pageviews_extract"))
                    .isOne();
        }

        @Test
        void runExitsZeroAndAgainWhenThereIsNothingNew() {
            initialise();
            warehouse.landUsers(List.of(new UserRow(1L, "AB1"), new UserRow(2L, "CD2")));
            warehouse.landPageviews(List.of(
                    new PageviewRow(1L, "/a", at("2026-01-05T00:10:00")),
                    new PageviewRow(2L, "/b", at("2026-01-05T00:20:00"))));

            CliResult first = warehouse.pvw("run", "--as-of", "2026-01-05T01:00:00");

            assertThat(first.exitCode()).as(first.toString()).isZero();
            assertThat(first.out())
                    .contains("Run 1 as of 2026-01-05T01:00:00")
                    .contains("users snapshot 1 effective 2026-01-05 accepted")
                    .contains("2 pageviews counted");
            assertThat(first.err()).isEmpty();
            List<MartRow> marts = warehouse.currentMart();
            assertThat(marts)
                    .containsExactly(
                            new MartRow(at("2026-01-05T00:00:00"), "AB1", 1),
                            new MartRow(at("2026-01-05T00:00:00"), "CD2", 1));

            CliResult again = warehouse.pvw("run", "--as-of", "2026-01-05 02:00:00");

            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(again.out()).contains("users extract unchanged").contains("already loaded with this content");
            assertThat(again.err()).isEmpty();
            assertThat(warehouse.currentMart()).isEqualTo(marts);
        }

        @Test
        void runWithoutAsOfRunsAsOfTheClock() {
            CliResult result = warehouse.pvw("run");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).contains("as of 2026-01-10T12:00:00");
            assertThat(warehouse.queryLong(
                            "SELECT count(*) FROM core.runs WHERE as_of = TIMESTAMP '2026-01-10 12:00:00'"))
                    .isOne();
        }

        @Test
        void statusAndQueryExitZeroOnANewWarehouse() {
            // New means made by init: reading commands never create one (SPEC section 1).
            initialise();
            CliResult status = warehouse.pvw("status");
            CliResult query = warehouse.pvw("query", "current", "--format", "csv");

            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.out()).contains("none accepted yet").contains("none loaded yet");
            assertThat(query.exitCode()).as(query.toString()).isZero();
            assertThat(query.out()).isEqualTo(CSV_HEADER + "\n");
        }

        @Test
        void statusExitsZeroAndReportsWhatRunsDid() {
            initialise();
            warehouse.landUsers(List.of(new UserRow(1L, "AB1"), new UserRow(null, "CD2")));
            warehouse.landPageviews(List.of(
                    new PageviewRow(1L, "/a", at("2026-01-05T00:10:00")),
                    new PageviewRow(null, "/b", at("2026-01-05T00:20:00"))));
            warehouse.run("2026-01-05T01:00:00", 0);

            CliResult status = warehouse.pvw("status");

            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.out())
                    .contains("last accepted: #1 effective 2026-01-05: 1 users")
                    .contains("2026-01-05T00:00:00  1 pageviews, 1 rows quarantined (run 1)")
                    .contains("#1 as of 2026-01-05T01:00:00: succeeded");
            assertThat(status.err()).isEmpty();
        }
    }

    @Nested
    class BadUsage {
        static Stream<Arguments> badCommandLines() {
            return Stream.of(
                    Arguments.of(List.of("run", "--nope"), List.of("'--nope'", "'pvw run --help'")),
                    Arguments.of(List.of("--nope", "status"), List.of("'--nope'", "'pvw --help'")),
                    Arguments.of(List.of("bogus"), List.of("Unknown command 'bogus'", "'pvw --help'")),
                    Arguments.of(List.of("statsu"), List.of("'statsu'", "did you mean status")),
                    Arguments.of(List.of(), List.of("subcommand", "'pvw --help'")),
                    Arguments.of(List.of("run", "extra"), List.of("'extra'", "'pvw run --help'")),
                    Arguments.of(
                            List.of("run", "--as-of", "2026-01-02T00:05:00Z"),
                            List.of("'2026-01-02T00:05:00Z' is not a timestamp", "2026-01-02T00:05:00 (UTC, no zone)")),
                    Arguments.of(
                            List.of("run", "--as-of", "2026-01-02T00:05:00+01:00"),
                            List.of("'2026-01-02T00:05:00+01:00' is not a timestamp")),
                    Arguments.of(List.of("run", "--as-of", "tomorrow"), List.of("'tomorrow' is not a timestamp")),
                    Arguments.of(
                            List.of("query", "current", "--from", "5 January"),
                            List.of("'5 January' is not a timestamp", "'pvw query --help'")),
                    Arguments.of(
                            List.of("query", "current", "--grain", "fortnight"),
                            List.of("--grain 'fortnight'", "hour, day, week, month or year")),
                    Arguments.of(
                            List.of("query", "at-view", "--format", "xml"),
                            List.of("--format 'xml'", "table, csv or json")),
                    Arguments.of(List.of("query", "past"), List.of("question 'past'", "current or at-view")),
                    Arguments.of(List.of("query"), List.of("current|at-view", "'pvw query --help'")),
                    Arguments.of(List.of("--lock-wait", "soon", "run"), List.of("'soon'", "--lock-wait")),
                    Arguments.of(List.of("--lock-wait", "-1", "run"), List.of("--lock-wait must be 0 or more")),
                    Arguments.of(
                            List.of("bench", "--engine", "mysql"),
                            List.of("'mysql' is not an engine", "duckdb, postgresql or spark")),
                    Arguments.of(
                            List.of("bench", "--engine", "postgresql"),
                            List.of("needs a server", "--server jdbc:postgresql://")),
                    Arguments.of(
                            List.of("bench", "--server", "jdbc:postgresql://localhost/postgres"),
                            List.of("--server is for --engine postgresql only", "duckdb")));
        }

        @ParameterizedTest(name = "pvw {0}")
        @MethodSource("badCommandLines")
        void exitsTwoWithOneSentenceAndTouchesNothing(List<String> args, List<String> mentions) {
            CliResult result = warehouse.pvw(args.toArray(String[]::new));

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(sentenceOf(result)).contains(mentions);
            assertThat(result.out()).as("no usage help on stdout").isEmpty();
            assertUntouched(warehouse.url());
        }

        @Test
        void anUnsupportedWarehouseUrlIsBadUsage() {
            CliResult result = warehouse.pvwWithoutWarehouse("--warehouse", "jdbc:mysql://db/pvw", "status");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(sentenceOf(result)).contains("jdbc:mysql://db/pvw").contains("use jdbc:duckdb:PATH");
        }
    }

    @Nested
    class Refused {
        @Test
        void anAllNullIdUsersExtractExitsThreeAndTheBatchIsStillCounted() {
            initialise();
            warehouse.landUsers(List.of(new UserRow(null, "AB1"), new UserRow(null, "CD2")));
            warehouse.landPageviews(List.of(new PageviewRow(1L, "/a", at("2026-01-05T00:10:00"))));

            CliResult result = warehouse.pvw("run", "--as-of", "2026-01-05T01:00:00");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.REFUSED);
            assertThat(sentenceOf(result))
                    .startsWith("Users snapshot refused: the users extract has no valid rows")
                    .contains("reload raw.users_extract");
            assertThat(result.out()).contains("refused");
            assertThat(warehouse.queryLong("SELECT count(*) FROM core.users_snapshots"))
                    .isZero();
            assertThat(warehouse.currentMart()).containsExactly(new MartRow(at("2026-01-05T00:00:00"), null, 1));
        }

        @Test
        void aShrinkingUsersExtractExitsThreeUnlessAllowed() {
            initialise();
            warehouse.landUsers(List.of(
                    new UserRow(1L, "AB1"), new UserRow(2L, "AB1"), new UserRow(3L, "CD2"), new UserRow(4L, "CD2")));
            warehouse.run("2026-01-05T01:00:00", 0);
            warehouse.landUsers(List.of(new UserRow(1L, "EF3")));

            CliResult refused = warehouse.pvw("run", "--as-of", "2026-01-06T01:00:00");

            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.REFUSED);
            assertThat(sentenceOf(refused)).contains("1 distinct ids").contains("--allow-shrink");
            assertThat(warehouse.queryLong("SELECT count(*) FROM core.users_snapshots"))
                    .isOne();

            CliResult allowed = warehouse.pvw("run", "--as-of", "2026-01-06T01:00:00", "--allow-shrink");

            assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
            assertThat(warehouse.queryLong("SELECT count(*) FROM core.users_snapshots"))
                    .isEqualTo(2);
        }
    }

    @Nested
    class Fails {
        @Test
        void aRunThatFailsPartWayExitsOneLeavesTheWarehouseAsItWasAndTheNextRunCompletesIt() {
            initialise();
            warehouse.landUsers(List.of(new UserRow(1L, "AB1"), new UserRow(2L, "CD2")));
            warehouse.landPageviews(List.of(
                    new PageviewRow(1L, "/a", at("2026-01-05T00:10:00")),
                    new PageviewRow(2L, "/b", at("2026-01-05T00:20:00"))));
            warehouse.run("2026-01-05T01:00:00", 0);
            CommittedState before = CommittedState.of(warehouse);
            // A changed users extract and a new batch, so that a run which committed anything would show.
            warehouse.landUsers(List.of(new UserRow(1L, "EF3"), new UserRow(2L, "CD2")));
            warehouse.landPageviews(List.of(new PageviewRow(1L, "/c", at("2026-01-06T00:10:00"))));
            // The extract process changed its schema: the table is there, a column the run reads is not.
            warehouse.execute("ALTER TABLE raw.pageviews_extract RENAME COLUMN url TO page_url");

            CliResult failed = warehouse.pvw("run", "--as-of", "2026-01-06T01:00:00");

            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.FAILURE);
            assertThat(sentenceOf(failed))
                    .contains("raw.pageviews_extract has no column url")
                    .contains("fix the extract tables");
            assertThat(CommittedState.of(warehouse)).isEqualTo(before);
            assertThat(warehouse.query("SELECT run_id, outcome FROM core.runs ORDER BY run_id", rs -> rs.getString(2)))
                    .containsExactly("succeeded", "failed");

            warehouse.execute("ALTER TABLE raw.pageviews_extract RENAME COLUMN page_url TO url");
            warehouse.run("2026-01-06T01:00:00", 0);

            assertThat(warehouse.currentMart())
                    .containsExactly(
                            new MartRow(at("2026-01-05T00:00:00"), "CD2", 1),
                            new MartRow(at("2026-01-05T00:00:00"), "EF3", 1),
                            new MartRow(at("2026-01-06T00:00:00"), "EF3", 1));
            assertThat(warehouse.atViewMart())
                    .containsExactly(
                            new MartRow(at("2026-01-05T00:00:00"), "AB1", 1),
                            new MartRow(at("2026-01-05T00:00:00"), "CD2", 1),
                            new MartRow(at("2026-01-06T00:00:00"), "EF3", 1));
        }

        @Test
        void showsTheStackTraceOnlyWithVerbose() {
            String url = unopenableUrl();

            // run, not a reading command: those say a warehouse that is not there was never created (SPEC section 1).
            CliResult quiet = warehouse.pvwWithoutWarehouse("--warehouse", url, "run");
            CliResult verbose = warehouse.pvwWithoutWarehouse("-v", "--warehouse", url, "run");

            assertThat(quiet.err()).doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(verbose.exitCode()).as(verbose.toString()).isEqualTo(ExitCodes.FAILURE);
            assertThat(verbose.err().lines().findFirst()).contains(sentenceOf(quiet));
            assertThat(verbose.err())
                    .contains("dev.pvw.PvwException: Cannot open warehouse")
                    .contains("\tat dev.pvw.warehouse.Warehouse.open(");
        }
    }

    @Nested
    class Verbose {
        private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

        @Test
        void givenAfterTheCommandShowsTheStackTraceToo() {
            String url = unopenableUrl();

            CliResult result = warehouse.pvwWithoutWarehouse("--warehouse", url, "run", "-v");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
            assertThat(result.err()).contains("\tat dev.pvw.warehouse.Warehouse.open(");
        }

        @Test
        void logsInDetailOnlyForItsOwnCommand() {
            Level configured = root.getLevel();
            assertThat(configured).as("the level logback-test.xml configures").isNotEqualTo(Level.DEBUG);

            warehouse.pvwWithoutWarehouse("-v", "--version");
            assertThat(root.getLevel()).isEqualTo(Level.DEBUG);

            warehouse.pvwWithoutWarehouse("--version");
            assertThat(root.getLevel())
                    .as("an embedding caller's next command logs at the configured level again")
                    .isEqualTo(configured);
        }
    }

    @Nested
    class WarehouseSetting {
        @Test
        void pvwWarehouseIsUsedWhenTheOptionIsAbsent() {
            CliResult result = pvwWithEnvironment(Map.of("PVW_WAREHOUSE", warehouse.url()), "run");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).contains("on " + redacted(warehouse.url()));
            assertThat(warehouse.queryLong("SELECT count(*) FROM core.runs")).isOne();
        }

        @Test
        void theOptionWinsOverPvwWarehouse() throws IOException {
            String elsewhere = engine().newWarehouseUrl(Files.createDirectory(directory.resolve("elsewhere")));

            CliResult result =
                    pvwWithEnvironment(Map.of("PVW_WAREHOUSE", elsewhere), "--warehouse", warehouse.url(), "init");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(warehouse.queryLong("SELECT count(*) FROM core.schema_history"))
                    .isEqualTo(SchemaMigrator.LATEST);
            assertUntouched(elsewhere);
        }

        @Test
        void aBadPvwWarehouseIsBadUsage() {
            CliResult result = pvwWithEnvironment(Map.of("PVW_WAREHOUSE", "warehouse.duckdb"), "status");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(sentenceOf(result)).contains("Unsupported warehouse URL warehouse.duckdb");
        }
    }

    @Test
    void aPasswordGivenInTheUrlNeverAppearsInAnyOutput() {
        String password = "Hunter2-pw";
        String working = openableUrlWithPassword(password);
        String missing = unopenableUrlWithPassword(password);
        String postgres = "jdbc:postgresql://pvw:" + password + "@db:5432/pvw?user=pvw&password=" + password;
        String unsupported = "jdbc:mysql://pvw:" + password + "@db/pvw?password=" + password;
        List<String> printed = new ArrayList<>();

        String logs = capturingLogs(() -> {
            List<List<String>> commandLines = List.of(
                    List.of("--warehouse", working, "init"),
                    List.of("--warehouse", working, "run", "--as-of", "2026-01-05T01:00:00"),
                    List.of("-v", "--warehouse", working, "run", "--as-of", "2026-01-05T02:00:00"),
                    List.of("--warehouse", working, "status"),
                    List.of("--warehouse", working, "query", "current"),
                    List.of("--warehouse", missing, "run"),
                    List.of("-v", "--warehouse", missing, "run"),
                    List.of("--warehouse=" + missing, "status"),
                    List.of("--warehouse", postgres, "run"),
                    List.of("-v", "--warehouse", postgres, "run"),
                    List.of("--warehouse", unsupported, "status"),
                    List.of("--warehouse", working, "query", "current", "--grain", "fortnight"),
                    List.of("--warehouse", working, "--nope"));
            for (List<String> args : commandLines) {
                CliResult result = warehouse.pvwWithoutWarehouse(args.toArray(String[]::new));
                printed.add(result.out() + result.err());
            }
            CliResult fromEnvironment = pvwWithEnvironment(Map.of("PVW_WAREHOUSE", missing), "-v", "status");
            assertThat(fromEnvironment.exitCode()).isEqualTo(ExitCodes.FAILURE);
            printed.add(fromEnvironment.out() + fromEnvironment.err());
        });

        assertThat(printed).allSatisfy(output -> assertThat(output).doesNotContain(password));
        assertThat(logs).doesNotContain(password);
        assertThat(String.join("", printed))
                .as("the URLs were printed, redacted")
                .contains(redacted(working))
                .contains(redacted(missing));
        assertThat(logs).as("the run's logs were captured").contains(redacted(working));
    }

    /** Read-only questions on one warehouse loaded once for the class, since loading it takes five runs. */
    @Nested
    @TestInstance(Lifecycle.PER_CLASS)
    class Query {
        private TestingWarehouse loaded;

        @BeforeAll
        void loadWeekOfPageviews(@TempDir Path queryDirectory) {
            loaded = new TestingWarehouse(engine(), queryDirectory);
            CliResult init = loaded.pvw("init");
            assertThat(init.exitCode()).as(init.toString()).isZero();
            // User 3 is in no snapshot: its pageviews have the unknown postcode.
            loaded.landUsers(List.of(new UserRow(1L, "AB1"), new UserRow(2L, "CD2")));
            load("2026-01-04T01:00:00", views(1L, "2026-01-04T00:10:00", 2), views(3L, "2026-01-04T00:20:00", 1));
            // User 1 moves on Monday 2026-01-05.
            loaded.landUsers(List.of(new UserRow(1L, "EF3"), new UserRow(2L, "CD2")));
            load("2026-01-05T01:00:00", views(1L, "2026-01-05T00:10:00", 1), views(2L, "2026-01-05T00:30:00", 3));
            load("2026-01-05T02:00:00", views(2L, "2026-01-05T01:10:00", 1), views(3L, "2026-01-05T01:50:00", 2));
            load("2026-01-05T03:00:00", views(1L, "2026-01-05T02:00:00", 4));
            load("2026-01-12T11:00:00", views(2L, "2026-01-12T10:59:59", 5));
        }

        @Test
        void csvHasTheHeaderThenRowsByPeriodAndPostcodeWithTheUnknownPostcodeEmpty() {
            assertThat(query("current", "--format", "csv"))
                    .isEqualTo(csv(
                            "2026-01-04T00:00:00,,1",
                            "2026-01-04T00:00:00,EF3,2",
                            "2026-01-05T00:00:00,,2",
                            "2026-01-05T00:00:00,CD2,4",
                            "2026-01-05T00:00:00,EF3,5",
                            "2026-01-12T00:00:00,CD2,5"));
            assertThat(query("at-view", "--format", "csv", "--grain", "day"))
                    .isEqualTo(csv(
                            "2026-01-04T00:00:00,,1",
                            "2026-01-04T00:00:00,AB1,2",
                            "2026-01-05T00:00:00,,2",
                            "2026-01-05T00:00:00,CD2,4",
                            "2026-01-05T00:00:00,EF3,5",
                            "2026-01-12T00:00:00,CD2,5"));
        }

        @Test
        void jsonIsAnArrayOfObjectsWithTheCsvColumns() throws Exception {
            List<Map<String, Object>> rows =
                    new ObjectMapper().readValue(query("at-view", "--format", "json"), new TypeReference<>() {});

            assertThat(rows)
                    .containsExactly(
                            row("2026-01-04T00:00:00", null, 1),
                            row("2026-01-04T00:00:00", "AB1", 2),
                            row("2026-01-05T00:00:00", null, 2),
                            row("2026-01-05T00:00:00", "CD2", 4),
                            row("2026-01-05T00:00:00", "EF3", 5),
                            row("2026-01-12T00:00:00", "CD2", 5));
            assertThat(rows)
                    .allSatisfy(row -> assertThat(row).containsOnlyKeys("period_start", "postcode", "pageviews"));
        }

        @Test
        void jsonOfNoRowsIsAnEmptyArray() throws Exception {
            String json = query("current", "--format", "json", "--from", "2027-01-01");

            assertThat(new ObjectMapper().readValue(json, List.class)).isEmpty();
        }

        @Test
        void weeksStartOnMonday() {
            // Sunday 2026-01-04 belongs to the week of Monday 2025-12-29; Monday 2026-01-05 starts a new one.
            assertThat(query("current", "--format", "csv", "--grain", "week"))
                    .isEqualTo(csv(
                            "2025-12-29T00:00:00,,1",
                            "2025-12-29T00:00:00,EF3,2",
                            "2026-01-05T00:00:00,,2",
                            "2026-01-05T00:00:00,CD2,4",
                            "2026-01-05T00:00:00,EF3,5",
                            "2026-01-12T00:00:00,CD2,5"));
        }

        @Test
        void monthAndYearSumEveryHourOfThePeriod() {
            String expected = csv("2026-01-01T00:00:00,,3", "2026-01-01T00:00:00,CD2,9", "2026-01-01T00:00:00,EF3,7");

            assertThat(query("current", "--format", "csv", "--grain", "month")).isEqualTo(expected);
            assertThat(query("current", "--format", "csv", "--grain", "year")).isEqualTo(expected);
        }

        @Test
        void fromIsInclusiveAndToIsExclusive() {
            assertThat(query(
                            "current",
                            "--format",
                            "csv",
                            "--grain",
                            "hour",
                            "--from",
                            "2026-01-05T01:00:00",
                            "--to",
                            "2026-01-05 02:00:00"))
                    .isEqualTo(csv("2026-01-05T01:00:00,,2", "2026-01-05T01:00:00,CD2,1"));
        }

        @Test
        void theWindowFiltersHoursBeforeTheyAreSummedIntoPeriods() {
            assertThat(query("current", "--format", "csv", "--from", "2026-01-05T01:00:00", "--to", "2026-01-12"))
                    .isEqualTo(csv("2026-01-05T00:00:00,,2", "2026-01-05T00:00:00,CD2,1", "2026-01-05T00:00:00,EF3,4"));
        }

        @Test
        void postcodeFiltersTrimmedAndCaseInsensitive() {
            assertThat(query("current", "--format", "csv", "--postcode", " cd2 "))
                    .isEqualTo(csv("2026-01-05T00:00:00,CD2,4", "2026-01-12T00:00:00,CD2,5"));
        }

        @Test
        void theTableShowsTheUnknownPostcodeAndCountsRows() {
            String table = query("at-view", "--grain", "week");

            assertThat(table.lines().findFirst()).hasValueSatisfying(header -> assertThat(header)
                    .containsSubsequence("period_start", "postcode", "pageviews"));
            assertThat(table).contains("(unknown)").contains("(6 rows)");
        }

        private String query(String... args) {
            List<String> all = new ArrayList<>(List.of("query"));
            all.addAll(List.of(args));
            CliResult result = loaded.pvw(all.toArray(String[]::new));
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.err()).isEmpty();
            return result.out();
        }

        @SafeVarargs
        private void load(String asOf, List<PageviewRow>... batches) {
            loaded.landPageviews(Stream.of(batches).flatMap(List::stream).toList());
            loaded.run(asOf, 0);
        }

        private static List<PageviewRow> views(long userId, String at, int count) {
            return Collections.nCopies(count, new PageviewRow(userId, "/page", at(at)));
        }

        private static String csv(String... rows) {
            return CSV_HEADER + "\n" + String.join("\n", rows) + "\n";
        }

        private static Map<String, Object> row(String periodStart, String postcode, int pageviews) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("period_start", periodStart);
            row.put("postcode", postcode);
            row.put("pageviews", pageviews);
            return row;
        }
    }

    @Nested
    class Help {
        static Stream<Arguments> commands() {
            return Stream.of(
                    Arguments.of(
                            List.of(),
                            List.of(
                                    "--warehouse=URL",
                                    "init",
                                    "run",
                                    "status",
                                    "query",
                                    "demo",
                                    "simulate",
                                    "bench",
                                    "--lock-wait",
                                    "-v",
                                    "Exit codes: 0")),
                    Arguments.of(List.of("init"), List.of("--warehouse=URL")),
                    Arguments.of(List.of("run"), List.of("--warehouse=URL", "--as-of=TIMESTAMP", "--allow-shrink")),
                    Arguments.of(List.of("status"), List.of("--warehouse=URL")),
                    Arguments.of(
                            List.of("query"),
                            List.of(
                                    "--warehouse=URL",
                                    "current|at-view",
                                    "--grain=hour|day|week|month|year",
                                    "--from=TIMESTAMP",
                                    "--to=TIMESTAMP",
                                    "--postcode=P",
                                    "--format=table|csv|json",
                                    "weeks start")),
                    Arguments.of(List.of("demo"), List.of("Usage: pvw demo")),
                    Arguments.of(
                            List.of("simulate"),
                            List.of(
                                    "--warehouse=URL",
                                    "--days=N",
                                    "--users=N",
                                    "--pageviews-per-day=N",
                                    "--move-rate=RATE",
                                    "--new-rate=RATE",
                                    "--delete-rate=RATE",
                                    "--seed=N",
                                    "--start=DATE",
                                    "20000000")),
                    Arguments.of(
                            List.of("bench"),
                            List.of(
                                    "--scale=SHARE",
                                    "--growth-scale=SHARE",
                                    "--days=N",
                                    "--growth-days=N",
                                    "--repetitions=N",
                                    "--data-dir=DIR",
                                    "--output=DIR",
                                    "--engine=ENGINE",
                                    "--server=URL",
                                    "--memory-limit=SIZE",
                                    "--keep-data",
                                    "bench.md",
                                    "bench-growth.png")));
        }

        @ParameterizedTest(name = "pvw {0} --help")
        @MethodSource("commands")
        void helpExitsZeroAndListsTheOptions(List<String> command, List<String> options) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");

            CliResult result = warehouse.pvwWithoutWarehouse(args.toArray(String[]::new));

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out())
                    .startsWith(("Usage: pvw " + String.join(" ", command)).strip())
                    .contains(options);
            assertThat(result.err()).isEmpty();
        }

        @Test
        void theHelpCommandAndVersionExitZero() {
            CliResult help = warehouse.pvwWithoutWarehouse("help", "query");
            CliResult version = warehouse.pvwWithoutWarehouse("--version");

            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).startsWith("Usage: pvw query").contains("--grain");
            assertThat(version.exitCode()).isZero();
            assertThat(version.out()).startsWith("pvw ");
        }
    }

    /** {@code pvw init}, so that the extract tables exist before the test lands rows in them. */
    void initialise() {
        CliResult result = warehouse.pvw("init");
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    /** Runs pvw in-process with this environment (the fixture's own runs see none). */
    CliResult pvwWithEnvironment(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = Main.commandLine(new CliContext(TestingWarehouse.FIXED_CLOCK, environment, directory));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliResult(exitCode, out.toString(), err.toString());
    }

    /** Everything written to System.err while {@code work} runs: where the CLI's logback sends log lines. */
    private static String capturingLogs(Runnable work) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        original.print(logs);
        return logs;
    }

    /** A URL as pvw prints it: the value of any password parameter replaced by stars. */
    static String redacted(String url) {
        return PASSWORD_VALUE.matcher(url).replaceAll("$1***");
    }

    static LocalDateTime at(String timestamp) {
        return LocalDateTime.parse(timestamp);
    }
}
