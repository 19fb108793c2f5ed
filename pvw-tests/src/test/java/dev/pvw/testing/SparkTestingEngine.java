package dev.pvw.testing;

import dev.pvw.engine.spark.SparkSessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.util.stream.Stream;

/**
 * Spark in local mode, one Spark application per test JVM (started by the first test that needs it), a warehouse per
 * test: the Iceberg JDBC catalog on SQLite in a directory of the test's temp folder.
 */
public final class SparkTestingEngine implements TestingEngine {
    public static final TestingEngine SPARK = new SparkTestingEngine();

    private static final String PREFIX = "spark:local:";

    private SparkTestingEngine() {}

    @Override
    public String newWarehouseUrl(Path directory) {
        return PREFIX + directory.resolve("spark-warehouse");
    }

    /**
     * Copies the warehouse's directory. Iceberg's metadata names files by absolute path, so the copy's catalog points at
     * the original's files, which Iceberg never changes: the copy's commits write new files (under names of their own)
     * and record them in the copy's catalog only, so the two warehouses part from there. The original's directory must
     * outlive the copy, as a class's prepared warehouse outlives its tests.
     */
    @Override
    public String copyWarehouse(String url, Path directory) {
        Path source = directory(url);
        Path copy = directory.resolve(source.getFileName());
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(source.relativize(file).toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy warehouse " + source, e);
        }
        return PREFIX + copy;
    }

    /** A session of the test JVM's Spark on the warehouse, through the few JDBC calls the tests make. */
    @Override
    public Connection connect(String url) {
        return SparkJdbc.connection(SparkSessions.localSession(directory(url)));
    }

    /** The directory DIR of a {@code spark:local:DIR} warehouse. */
    public static Path directory(String url) {
        return Path.of(url.substring(PREFIX.length()));
    }

    /** Holds the run lock of a {@code spark:local:DIR} warehouse (the OS lock on DIR/run.lock) until closed. */
    public static AutoCloseable holdRunLock(String url) throws IOException {
        FileChannel channel = FileChannel.open(
                directory(url).resolve("run.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.lock();
        return channel;
    }

    @Override
    public String name() {
        return "spark";
    }
}
