package dev.pvw.warehouse.spi;

import dev.pvw.warehouse.MaintenancePolicy;
import dev.pvw.warehouse.Row;
import dev.pvw.warehouse.RunLock;
import dev.pvw.warehouse.UnitOfWork;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What an engine implements to run pvw's SQL: one open session with a warehouse. It receives SQL whose identifiers
 * are already in place and whose values are named bind parameters ({@code :name}); it reports a failed statement as a
 * {@link StatementFailure} saying what kind of failure it was.
 */
public interface EngineSession extends AutoCloseable {
    /** Runs one statement that changes data; returns how many rows it changed. */
    int update(String sql, Map<String, ?> parameters);

    /** Runs every statement of a script (statements end with semicolons); it takes no values. */
    void execute(String sql);

    /** Runs a query and hands each row to {@code each} as it is read. */
    void query(String sql, Map<String, ?> parameters, Consumer<Row> each);

    /**
     * How many independent queries this session runs at once when handed several ({@code Warehouse.readAll}): one on a
     * connection, which runs one statement at a time; more where the engine runs several jobs at once (Spark).
     */
    default int concurrentReads() {
        return 1;
    }

    /** Runs {@code work} atomically where the engine can: all of it is kept, or none of it. */
    <T> T inTransaction(Supplier<T> work);

    /** Runs {@code work} so that every statement in it reads the warehouse as of one moment. */
    <T> T readingOneMoment(Supplier<T> work);

    /** The unit of work of a run on this session. */
    UnitOfWork unitOfWork();

    /** The lock that keeps two runs off this warehouse. */
    RunLock runLock();

    /**
     * Compacts small files, expires old snapshots and removes orphan files of every table, where the engine keeps
     * tables as files that need it (Iceberg); returns a line per table saying what it did. Empty where the engine
     * maintains its own storage (DuckDB, PostgreSQL's autovacuum). Called with the run lock held.
     */
    default Optional<List<String>> maintain(MaintenancePolicy policy) {
        return Optional.empty();
    }

    /**
     * Runs {@code sql}, one statement that loads the rows of {@code file}, written in the dialect's {@link
     * dev.pvw.warehouse.Dialect#loadFormat()}: on PostgreSQL a {@code COPY ... FROM STDIN} fed from the file, on Spark
     * a statement that reads the file as the temporary view {@code loaded_file}. Engines that load no files refuse.
     */
    default void load(String sql, Path file) {
        throw new UnsupportedOperationException("This engine loads no files; generate the rows in SQL instead");
    }

    @Override
    void close();
}
