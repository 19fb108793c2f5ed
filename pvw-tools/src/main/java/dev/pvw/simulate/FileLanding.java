package dev.pvw.simulate;

import static java.util.Objects.requireNonNull;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.warehouse.LoadFormat;
import dev.pvw.warehouse.OpenOptions;
import dev.pvw.warehouse.SchemaMigrator;
import dev.pvw.warehouse.Warehouse;
import dev.pvw.warehouse.WarehouseUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The extract processes of a simulation into a warehouse whose engine cannot run the generator's DuckDB SQL: the
 * generator works in a DuckDB warehouse of its own in a scratch directory, and each extract it lands there is written
 * to a file of the kind the target engine loads ({@link LoadFormat}) and loaded into the target's extract table, which
 * is emptied first in the same transaction where the engine has one, as an extract process would.
 */
final class FileLanding implements AutoCloseable {
    /** The two extracts, named as their tables and scripts name them. */
    enum Extract {
        USERS,
        PAGEVIEWS;

        String script() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Warehouse generator;
    private final Warehouse target;
    private final LoadFormat format;
    private final Path directory;

    private FileLanding(Warehouse generator, Warehouse target, LoadFormat format, Path directory) {
        this.generator = generator;
        this.target = target;
        this.format = format;
        this.directory = directory;
    }

    /** Opens the generator's DuckDB warehouse in a new directory under {@code scratch}, for {@code target}. */
    static FileLanding open(Warehouse target, LoadFormat format, Path scratch) {
        requireNonNull(target, "target");
        requireNonNull(format, "format");
        Path directory;
        try {
            Files.createDirectories(scratch);
            directory = Files.createTempDirectory(scratch, "pvw-generator-");
        } catch (IOException e) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "Cannot make the simulation's scratch directory in " + scratch + " (" + e.getMessage()
                            + "); give it a folder you can write to.",
                    e);
        }
        Warehouse generator = Warehouse.open(
                WarehouseUrl.parse("jdbc:duckdb:" + directory.resolve("generator.duckdb")),
                OpenOptions.forWriting(Duration.ZERO));
        try {
            new SchemaMigrator(generator, Clock.systemUTC()).migrate();
        } catch (RuntimeException e) {
            generator.close();
            throw e;
        }
        return new FileLanding(generator, target, format, directory);
    }

    /** Where the generator works and lands its extracts first. */
    Warehouse generator() {
        return generator;
    }

    /** Lands in the target what the generator last landed of {@code extract}. */
    void land(Extract extract) {
        String kind = format.name().toLowerCase(Locale.ROOT);
        Path file = directory.resolve(extract.script() + "." + kind);
        generator.update("simulate/export_" + extract.script() + "_" + kind, Map.of("path", file.toString()));
        try {
            target.inTransaction(() -> {
                target.update("simulate/clear_" + extract.script() + "_extract", Map.of());
                target.load("simulate/load_" + extract.script(), file);
                return 0;
            });
        } finally {
            delete(file);
        }
    }

    /** Closes the generator's warehouse and removes its directory. */
    @Override
    public void close() {
        generator.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(FileLanding::delete);
        } catch (IOException | UncheckedIOException e) {
            // Scratch left behind costs only disk space; the simulation's result is in the target.
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
