package dev.pvw.testing;

import static java.util.Objects.requireNonNull;

import dev.pvw.cli.CliContext;
import dev.pvw.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A real warehouse for one test: lands extracts the way the extract processes do (truncate, then load), runs
 * {@code pvw} in-process through picocli, and reads tables back. Opens a connection per call, unless the test holds the
 * warehouse open ({@link #heldOpen()}).
 */
public final class TestingWarehouse implements AutoCloseable {
    /** The clock the in-process CLI sees; runs pass --as-of, so it matters only where a default is tested. */
    public static final Clock FIXED_CLOCK = Clock.fixed(Instant.parse("2026-01-10T12:00:00Z"), ZoneOffset.UTC);

    private final TestingEngine engine;
    private final String url;
    private final Path directory;

    /** By engine name, the URL of the warehouse init made for {@link #initialized}; never written. */
    private static final Map<String, String> INITIALIZED = new HashMap<>();

    /** Whether the test holds the warehouse open ({@link #heldOpen()}), and the connection it holds, once opened. */
    private boolean holding;

    private Connection held;

    /** A new empty warehouse. */
    public TestingWarehouse(TestingEngine engine, Path directory) {
        this(engine, directory, engine.newWarehouseUrl(directory));
    }

    private TestingWarehouse(TestingEngine engine, Path directory, String url) {
        this.engine = requireNonNull(engine, "engine");
        this.directory = requireNonNull(directory, "directory");
        this.url = requireNonNull(url, "url");
    }

    /**
     * A new warehouse as {@code pvw init} leaves it, for a test whose subject is not init itself: a copy of one that init
     * made once per test JVM and engine.
     */
    public static TestingWarehouse initialized(TestingEngine engine, Path directory) {
        String template;
        synchronized (INITIALIZED) {
            template = INITIALIZED.computeIfAbsent(engine.name(), name -> {
                TestingWarehouse made = new TestingWarehouse(engine, JvmTempFolders.folder("initialized-" + name));
                CliResult init = made.pvw("init");
                if (init.exitCode() != 0) {
                    throw new IllegalStateException("pvw init failed on " + name + "\n" + init);
                }
                return made.url;
            });
        }
        return new TestingWarehouse(engine, directory, engine.copyWarehouse(template, directory));
    }

    /** The warehouse at {@code url}, which exists already, for a test in {@code directory}. */
    public static TestingWarehouse existing(TestingEngine engine, Path directory, String url) {
        return new TestingWarehouse(engine, directory, url);
    }

    /** A new warehouse holding what this one holds, for a test in {@code directory}; nothing may have this one open. */
    public TestingWarehouse copyInto(Path directory) {
        release();
        return new TestingWarehouse(engine, directory, engine.copyWarehouse(url, directory));
    }

    public TestingEngine engine() {
        return engine;
    }

    public String url() {
        return url;
    }

    /** Runs {@code pvw --warehouse URL args...} in-process and captures its exit code and output. */
    public CliResult pvw(String... args) {
        return pvwWithoutWarehouse(
                Stream.concat(Stream.of("--warehouse", url), Stream.of(args)).toArray(String[]::new));
    }

    /** Runs {@code pvw args...} in-process, with the test's folder as working directory and no environment. */
    public CliResult pvwWithoutWarehouse(String... args) {
        if (!engine.servesWhileHeld(args)) {
            release();
        }
        return pvwIn(directory, args);
    }

    /** Runs {@code pvw args...} in-process, with {@code directory} as working directory and no environment. */
    public static CliResult pvwIn(Path directory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = Main.commandLine(new CliContext(FIXED_CLOCK, Map.of(), directory));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliResult(exitCode, out.toString(), err.toString());
    }

    /** {@code pvw run --as-of asOf}, failing the test unless it exits with {@code expectedExit}. */
    public CliResult run(String asOf, int expectedExit, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--as-of", asOf));
        args.addAll(List.of(more));
        CliResult result = pvw(args.toArray(String[]::new));
        if (result.exitCode() != expectedExit) {
            throw new AssertionError("pvw run --as-of " + asOf + " exited " + result.exitCode() + ", expected "
                    + expectedExit + "\n" + result);
        }
        return result;
    }

    /** Truncates {@code raw.users_extract} and loads these rows, as the daily extract does. */
    public void landUsers(Collection<UserRow> rows) {
        withConnection(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM raw.users_extract");
            }
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO raw.users_extract (id, postcode) VALUES (?, ?)")) {
                for (UserRow row : rows) {
                    setLong(insert, 1, row.id());
                    insert.setString(2, row.postcode());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** Truncates {@code raw.pageviews_extract} and loads these rows, as the hourly extract does. */
    public void landPageviews(Collection<PageviewRow> rows) {
        withConnection(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM raw.pageviews_extract");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO raw.pageviews_extract (user_id, url, pageview_datetime) VALUES (?, ?, ?)")) {
                for (PageviewRow row : rows) {
                    setLong(insert, 1, row.userId());
                    insert.setString(2, row.url());
                    if (row.pageviewDatetime() == null) {
                        insert.setNull(3, Types.TIMESTAMP);
                    } else {
                        insert.setTimestamp(3, Timestamp.valueOf(row.pageviewDatetime()));
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** A mart's rows ordered by hour then postcode (unknown first). */
    public List<MartRow> mart(String table) {
        if (!table.matches("mart\\.[a-z_]+")) {
            throw new IllegalArgumentException("not a mart table: " + table);
        }
        return query(
                "SELECT hour_start, postcode, pageviews FROM " + table + " ORDER BY hour_start, postcode NULLS FIRST",
                rs -> new MartRow(rs.getTimestamp(1).toLocalDateTime(), rs.getString(2), rs.getLong(3)));
    }

    public List<MartRow> currentMart() {
        return mart("mart.pageviews_hourly_by_current_postcode");
    }

    public List<MartRow> atViewMart() {
        return mart("mart.pageviews_hourly_by_postcode_at_view");
    }

    /**
     * Pageviews by batch, user, hour and postcode at view, summed from the rollup {@code core.pageview_user_hours};
     * after every run it must equal {@link #userHoursFromFact()}.
     */
    public Map<String, Long> userHoursFromRollup() {
        return userHours("core.pageview_user_hours", "sum(pageviews)");
    }

    /** Pageviews by batch, user, hour and postcode at view, counted from {@code core.pageview_fact}. */
    public Map<String, Long> userHoursFromFact() {
        return userHours("core.pageview_fact", "count(*)");
    }

    /**
     * How many rows each rollup disagrees on with what it rolls up, in one query for tests that check it after every
     * step: (batch, user, hour, postcode at view) of {@code core.pageview_user_hours} against the fact, then (day,
     * postcode) of each daily mart against its hourly mart summed by day. All zero after every run.
     */
    public List<Long> rollupsDisagreeing() {
        String userHours = "SELECT count(*) FROM ("
                + " SELECT batch_id, user_id, hour_start, postcode_at_view, sum(pageviews) AS pageviews"
                + " FROM core.pageview_user_hours GROUP BY batch_id, user_id, hour_start, postcode_at_view) AS r"
                + " FULL OUTER JOIN ("
                + " SELECT batch_id, user_id, hour_start, postcode_at_view, count(*) AS pageviews"
                + " FROM core.pageview_fact GROUP BY batch_id, user_id, hour_start, postcode_at_view) AS f"
                + " ON f.batch_id = r.batch_id AND f.user_id = r.user_id AND f.hour_start = r.hour_start"
                + " AND f.postcode_at_view IS NOT DISTINCT FROM r.postcode_at_view"
                + " WHERE f.pageviews IS DISTINCT FROM r.pageviews";
        return query(
                        "SELECT (" + userHours + "), (" + dailyMartDisagreeing("current_postcode") + "), ("
                                + dailyMartDisagreeing("postcode_at_view") + ")",
                        rs -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .get(0);
    }

    private static String dailyMartDisagreeing(String question) {
        return "SELECT count(*) FROM ("
                + " SELECT date_trunc('day', hour_start) AS day_start, postcode, sum(pageviews) AS pageviews"
                + " FROM mart.pageviews_hourly_by_" + question
                + " GROUP BY date_trunc('day', hour_start), postcode) AS h"
                + " FULL OUTER JOIN mart.pageviews_daily_by_" + question + " AS d"
                + " ON d.day_start = h.day_start AND d.postcode IS NOT DISTINCT FROM h.postcode"
                + " WHERE d.pageviews IS DISTINCT FROM h.pageviews";
    }

    private Map<String, Long> userHours(String table, String pageviews) {
        Map<String, Long> counts = new TreeMap<>();
        query(
                        "SELECT batch_id, user_id, hour_start, postcode_at_view, " + pageviews + " FROM " + table
                                + " GROUP BY batch_id, user_id, hour_start, postcode_at_view",
                        rs -> Map.entry(
                                rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getTimestamp(3) + " " + rs.getString(4),
                                rs.getLong(5)))
                .forEach(entry -> counts.merge(entry.getKey(), entry.getValue(), Long::sum));
        return counts;
    }

    /** Runs a query of the test's own and maps each row. */
    public <T> List<T> query(String sql, RowReader<T> reader) {
        return withConnection(connection -> {
            List<T> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        });
    }

    /** A query of the test's own that returns one number. */
    public long queryLong(String sql) {
        return query(sql, rs -> rs.getLong(1)).get(0);
    }

    /** Runs statements of the test's own (to set up unusual states). */
    public void execute(String... sql) {
        withConnection(connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String each : sql) {
                    statement.execute(each);
                }
            }
            return null;
        });
    }

    /**
     * Holds this warehouse open from its first landing or read until {@link #close()}, across the {@code pvw run}s between
     * (any other command closes it first, and it opens again at the next landing or read): opening an embedded DuckDB
     * file costs tens of milliseconds, and while the test JVM holds it, every open in that JVM, the in-process run's
     * included, joins the database already open instead (DuckDB's JDBC driver keeps one database per file). A run then
     * skips the open, the catalog's first load and the checkpoint at close, which processes the tests start still
     * pay. Only for tests that start no pvw process: the held file is locked against other processes.
     */
    public TestingWarehouse heldOpen() {
        holding = true;
        return this;
    }

    /** Closes the connection {@link #heldOpen()} holds, if open, and holds no longer. */
    @Override
    public void close() {
        release();
        holding = false;
    }

    private void release() {
        if (held == null) {
            return;
        }
        try {
            held.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close the test's connection to " + url + ": " + e.getMessage(), e);
        } finally {
            held = null;
        }
    }

    private <T> T withConnection(ConnectionWork<T> work) {
        if (holding) {
            try {
                if (held == null) {
                    held = engine.connect(url);
                }
                return work.apply(held);
            } catch (SQLException e) {
                throw new IllegalStateException("Test SQL failed on " + url + ": " + e.getMessage(), e);
            }
        }
        try (Connection connection = engine.connect(url)) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Test SQL failed on " + url + ": " + e.getMessage(), e);
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    /** Reads one row. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    private interface ConnectionWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}
