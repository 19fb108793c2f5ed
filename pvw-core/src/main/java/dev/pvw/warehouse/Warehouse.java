package dev.pvw.warehouse;

import static java.util.Objects.requireNonNull;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.warehouse.spi.EngineSession;
import dev.pvw.warehouse.spi.StatementFailure;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One open session with a warehouse, whatever its engine: runs the named SQL resources of the engine's dialect with
 * bind parameters and validated identifiers, makes the work tables, and hands out the run's unit of work and lock.
 * Engines implement {@link EngineSession}; everything above this class is engine-neutral.
 */
public final class Warehouse implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);
    private static final DateTimeFormatter SQL_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    /** Where a script names an identifier that the caller fills: {@code <mart>}. */
    private static final Pattern DEFINED = Pattern.compile("<([a-z_][a-z0-9_]*)>");

    /** What a failure names when it happened beginning, committing or rolling back rather than in a script. */
    private static final SqlScripts.Script TRANSACTION = new SqlScripts.Script("the transaction's begin or end", "");

    /** The threads of {@link #readAll}: daemons, so that a read left behind never keeps the process alive. */
    private static final ThreadFactory READ_THREADS = runnable -> {
        Thread thread = new Thread(runnable, "pvw-read");
        thread.setDaemon(true);
        return thread;
    };

    private static final SqlScripts.Script MAINTENANCE = new SqlScripts.Script("table maintenance", "");

    private final WarehouseUrl url;
    private final Dialect dialect;
    private final SqlScripts scripts;
    private final EngineSession session;

    public Warehouse(WarehouseUrl url, Dialect dialect, EngineSession session) {
        this.url = requireNonNull(url, "url");
        this.dialect = requireNonNull(dialect, "dialect");
        this.session = requireNonNull(session, "session");
        this.scripts = new SqlScripts(dialect.name());
    }

    /** Opens the warehouse at {@code url} with the engine the URL names. */
    public static Warehouse open(WarehouseUrl url, OpenOptions options) {
        return Engines.of(url).open(url, options);
    }

    public WarehouseUrl url() {
        return url;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The text of a SQL resource as this warehouse's dialect resolves it. */
    public String scriptText(String name) {
        return scripts.get(name).text();
    }

    /** The text of a SQL resource of this warehouse's engine's own folder; empty where only portable SQL has it. */
    public Optional<String> ownScriptText(String name) {
        return scripts.findOwn(name).map(SqlScripts.Script::text);
    }

    /** Runs {@code work} atomically where the engine can: all of it is kept, or none of it. */
    public <T> T inTransaction(Supplier<T> work) {
        return guarded(TRANSACTION, () -> session.inTransaction(work));
    }

    /**
     * Runs {@code work} so that all of its statements read the warehouse as of one moment (checks, for instance, while
     * a run may publish beside them).
     */
    public <T> T readingOneMoment(Supplier<T> work) {
        return guarded(TRANSACTION, () -> session.readingOneMoment(work));
    }

    /**
     * The unit of work of a run: its writes are published together at its end, or discarded. Its first statement is
     * the engine's hook {@code begin_run}, where it has one (PostgreSQL locks the extracts against TRUNCATE there).
     */
    public UnitOfWork unitOfWork() {
        UnitOfWork engines = session.unitOfWork();
        return new UnitOfWork() {
            @Override
            public List<String> recover() {
                return guarded(TRANSACTION, engines::recover);
            }

            @Override
            public void begin(long runId) {
                guarded(TRANSACTION, () -> {
                    engines.begin(runId);
                    return null;
                });
                hook("begin_run", Map.of());
            }

            @Override
            public void publish() {
                guarded(TRANSACTION, () -> {
                    engines.publish();
                    return null;
                });
            }

            @Override
            public void abort() {
                engines.abort();
            }
        };
    }

    /** The lock that keeps two runs off this warehouse. */
    public RunLock runLock() {
        return session.runLock();
    }

    /** The engine's table maintenance (see {@link EngineSession#maintain}); call with the run lock held. */
    public Optional<List<String>> maintain(MaintenancePolicy policy) {
        return guarded(MAINTENANCE, () -> session.maintain(policy));
    }

    /** Makes a work table: fills it from its query, makes it empty with its columns, or makes its view. */
    public void create(WorkTable table, Map<String, ?> parameters) {
        create(table, parameters, Map.of());
    }

    /** Makes a work table whose definition names identifiers that {@code defines} fill. */
    public void create(WorkTable table, Map<String, ?> parameters, Map<String, Identifier> defines) {
        SqlScripts.Script definition = scripts.get(table.definition());
        SqlScripts.Script template = scripts.get(
                switch (table.kind()) {
                    case FILLED -> "work/create_filled";
                    case APPENDED -> "work/create_appended";
                    case VIEW -> "work/create_view";
                });
        Map<String, String> parts =
                Map.of("table", table.name().sql(), "definition", render(definition.text(), identifiers(defines)));
        SqlScripts.Script made = new SqlScripts.Script(definition.resource(), render(template.text(), parts));
        guarded(made, () -> session.update(made.text(), parameters));
    }

    /** Drops work tables that exist, in the order given. */
    public void drop(List<WorkTable> tables) {
        for (WorkTable table : tables) {
            SqlScripts.Script template =
                    scripts.get(table.kind() == WorkTable.Kind.VIEW ? "work/drop_view" : "work/drop_table");
            run(template, Map.of("table", table.name().sql()));
        }
    }

    /** Drops one work table if it exists. */
    public void drop(WorkTable table) {
        drop(List.of(table));
    }

    /**
     * Runs the engine's hook {@code hooks/<name>}, one statement, where its folder has one; portable SQL has none. Hooks
     * are the engine-specific steps of a run (creating partitions, say), so that no pipeline step names an engine.
     */
    public void hook(String name, Map<String, ?> parameters) {
        scripts.findOwn("hooks/" + name)
                .ifPresent(script -> guarded(script, () -> session.update(script.text(), parameters)));
    }

    /** Tells the engine a table was just loaded in bulk (hook {@code loaded_table}: fresh planner statistics, say). */
    public void loaded(Identifier table) {
        scripts.findOwn("hooks/loaded_table").ifPresent(script -> run(script, Map.of("table", table.sql())));
    }

    /** Tells the engine a work table was just loaded in bulk. */
    public void loaded(WorkTable table) {
        loaded(table.name());
    }

    /**
     * Runs the statement {@code name}, which loads the rows of {@code file} (written in the dialect's {@link
     * Dialect#loadFormat()}) into a table; see {@link EngineSession#load}.
     */
    public void load(String name, Path file) {
        SqlScripts.Script script = scripts.get(name);
        guarded(script, () -> {
            session.load(script.text(), file);
            return null;
        });
    }

    /** Runs a script about a role (granting privileges, say); the role's name is quoted by the dialect. */
    public void executeForRole(String name, RoleName role) {
        run(scripts.get(name), Map.of("role", dialect.quoteIdentifier(role.name())));
    }

    /** Runs a statement that changes data and returns how many rows it changed. */
    public int update(String name, Map<String, ?> parameters) {
        return update(name, parameters, Map.of());
    }

    /** Runs a statement on validated identifiers that changes data and returns how many rows it changed. */
    public int update(String name, Map<String, ?> parameters, Map<String, Identifier> defines) {
        SqlScripts.Script script = scripts.get(name);
        String sql = render(script.text(), identifiers(defines));
        return guarded(script, () -> session.update(sql, parameters));
    }

    /** Runs every statement of a script that takes no values; {@code defines} fill validated identifiers. */
    public void execute(String name, Map<String, Identifier> defines) {
        run(scripts.get(name), identifiers(defines));
    }

    private void run(SqlScripts.Script script, Map<String, String> defines) {
        String sql = render(script.text(), defines);
        guarded(script, () -> {
            session.execute(sql);
            return null;
        });
    }

    /** Runs a query and maps every row. */
    public <T> List<T> query(String name, Map<String, ?> parameters, RowMapper<T> mapper) {
        return query(name, parameters, Map.of(), mapper);
    }

    /** Runs a query on validated identifiers and maps every row. */
    public <T> List<T> query(
            String name, Map<String, ?> parameters, Map<String, Identifier> defines, RowMapper<T> mapper) {
        List<T> rows = new ArrayList<>();
        queryEach(name, parameters, defines, mapper, rows::add);
        return rows;
    }

    /** Runs a query on validated identifiers and hands each row to {@code each} as it is read, keeping none. */
    public <T> void queryEach(
            String name,
            Map<String, ?> parameters,
            Map<String, Identifier> defines,
            RowMapper<T> mapper,
            Consumer<T> each) {
        SqlScripts.Script script = scripts.get(name);
        String sql = render(script.text(), identifiers(defines));
        guarded(script, () -> {
            session.query(sql, parameters, row -> each.accept(mapper.map(row)));
            return null;
        });
    }

    /**
     * Runs independent reads (queries only: none writes or makes a work table) and returns their results in the order
     * given: several at once where the engine runs several queries at a time ({@link EngineSession#concurrentReads},
     * Spark, where a small query costs planning and scheduling more than reading), one after another otherwise, as
     * on a connection. A failed read fails the whole once every read has ended.
     */
    public <T> List<T> readAll(List<Supplier<T>> reads) {
        int threads = Math.min(reads.size(), session.concurrentReads());
        if (threads <= 1) {
            return reads.stream().map(Supplier::get).toList();
        }
        Map<String, String> context = MDC.getCopyOfContextMap();
        ExecutorService pool = Executors.newFixedThreadPool(threads, READ_THREADS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Supplier<T> read : reads) {
                futures.add(pool.submit(() -> {
                    if (context != null) {
                        MDC.setContextMap(context);
                    }
                    try {
                        return read.get();
                    } finally {
                        MDC.clear();
                    }
                }));
            }
            List<T> results = new ArrayList<>();
            RuntimeException failed = null;
            for (Future<T> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    if (failed == null) {
                        failed = e.getCause() instanceof RuntimeException cause
                                ? cause
                                : new IllegalStateException(e.getCause());
                    }
                }
            }
            if (failed != null) {
                throw failed;
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PvwException(ErrorCode.FAILURE, "Interrupted while reading " + url.redacted() + ".", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs a query expected to return at most one row. */
    public <T> Optional<T> queryOptional(String name, Map<String, ?> parameters, RowMapper<T> mapper) {
        List<T> rows = query(name, parameters, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Runs a query that returns a single number. */
    public long queryLong(String name, Map<String, ?> parameters) {
        return queryOptional(name, parameters, row -> row.getLong(1)).orElseThrow();
    }

    /** A timestamp as the text every engine casts back to TIMESTAMP without loss or time zone. */
    public static String timestamp(LocalDateTime value) {
        return value == null ? null : SQL_TIMESTAMP.format(value);
    }

    @Override
    public void close() {
        session.close();
    }

    private static Map<String, String> identifiers(Map<String, Identifier> defines) {
        Map<String, String> texts = new HashMap<>();
        defines.forEach((key, identifier) -> texts.put(key, identifier.sql()));
        return texts;
    }

    /** Puts each defined text in place of its {@code <name>}; a name left undefined is a mistake in pvw. */
    static String render(String text, Map<String, String> defines) {
        Matcher matcher = DEFINED.matcher(text);
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            String value = defines.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("SQL names <" + matcher.group(1) + "> but nothing defines it");
            }
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(rendered);
        return rendered.toString();
    }

    private <T> T guarded(SqlScripts.Script script, Supplier<T> work) {
        long started = System.nanoTime();
        try {
            T result = work.get();
            if (script != TRANSACTION) {
                LOG.debug("{} took {} ms", script.resource(), (System.nanoTime() - started) / 1_000_000);
            }
            return result;
        } catch (StatementFailure e) {
            throw new PvwException(ErrorCode.FAILURE, failureSentence(script, e.kind(), e.detail()), e);
        }
    }

    /** One sentence for a failed statement: what happened, and what to do about it. */
    private String failureSentence(SqlScripts.Script script, FailureKind kind, String detail) {
        String where = "during " + script.resource() + " on " + url.redacted() + " (" + detail + ")";
        String nothingKept = ", so nothing of the unfinished transaction was kept";
        return switch (kind) {
            case CONNECTION_LOST -> "The connection to the warehouse broke " + where + nothingKept
                    + "; check that the database is reachable and run the command again.";
            case OUT_OF_SPACE -> "The warehouse ran out of space " + where + nothingKept
                    + "; check the free disk space and the limits on it (" + dialect.spaceSettings()
                    + "), then run the command again.";
            case OUT_OF_MEMORY -> "The warehouse ran out of memory " + where + nothingKept
                    + "; give it more memory or room to spill (" + dialect.memorySettings()
                    + "), then run the command again.";
            case OTHER -> "SQL in " + script.resource() + " failed on " + url.redacted() + ": " + detail
                    + "; fix the cause and run the command again (-v shows the SQL and the stack trace).";
        };
    }

    /** The first line of an engine's message, without a final period. */
    public static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        String line = message.strip().lines().findFirst().orElse("no message");
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
