package dev.pvw.testing;

import dev.pvw.simulate.SimulationSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The demo, built once per build and shared: {@code pvw demo} as a user runs it (over the junk of an earlier demo,
 * with the fixed clock, its logs captured), once for all the build's test JVMs, and the demo's extracts recorded once
 * per JVM. The suites that read the demo warehouse take a copy of it, so the three days of synthetic extracts are
 * generated and run once rather than once per suite or per JVM.
 */
public final class TestingDemo {
    /** The demo's settings: {@code pvw demo} closes on the day of the clock, which the tests fix. */
    public static final SimulationSettings SETTINGS =
            SimulationSettings.demoClosingOn(LocalDate.now(TestingWarehouse.FIXED_CLOCK));

    /** The file pvw demo makes in its working directory. */
    public static final String DATABASE_FILE = "demo.duckdb";

    private static Run run;
    private static SimulatedExtracts extracts;

    private TestingDemo() {}

    /**
     * What {@code pvw demo} did in a folder of its own: the command's result, the logs it wrote to the process's
     * stderr, and the folder holding {@code demo.duckdb}. Read it, or copy it with {@link Run#copyInto}; never write it.
     */
    public static synchronized Run run() {
        if (run == null) {
            run = sharedFolder().map(TestingDemo::runShared).orElseGet(() -> runIn(folder("demo")));
        }
        return run;
    }

    /** Runs the demo in {@code directory}, over the junk of an earlier demo, capturing its logs. */
    private static Run runIn(Path directory) {
        try {
            // Junk where an earlier demo was: the demo must remove it rather than fail to open it.
            Files.writeString(directory.resolve(DATABASE_FILE), "not a database");
            Files.writeString(directory.resolve(DATABASE_FILE + ".wal"), "not a log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Logs go to the process's stderr, not to the command's err writer that the result captures. The swap is
        // safe: a test JVM runs one test class at a time.
        PrintStream processErr = System.err;
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logBytes, true, StandardCharsets.UTF_8));
        CliResult result;
        try {
            result = TestingWarehouse.pvwIn(directory, "demo");
        } finally {
            System.setErr(processErr);
        }
        return new Run(directory, result, logBytes.toString(StandardCharsets.UTF_8));
    }

    /**
     * The demo shared by the build's test JVMs: the first to need it runs it in the shared folder while it holds the
     * folder's lock, and writes down its result; every JVM then copies the warehouse into a folder of its own, which
     * its tests read (DuckDB locks a file that one process opens to write, so no two JVMs may read the same file).
     */
    private static Run runShared(Path shared) {
        try (FileChannel lockFile =
                        FileChannel.open(shared.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = lockFile.lock()) {
            Path demo = Files.createDirectories(shared.resolve("demo"));
            Path exitCode = shared.resolve("exit-code");
            if (!Files.exists(exitCode)) {
                Run made = runIn(demo);
                Files.writeString(shared.resolve("out"), made.result().out());
                Files.writeString(shared.resolve("err"), made.result().err());
                Files.writeString(shared.resolve("logs"), made.logs());
                Files.writeString(exitCode, String.valueOf(made.result().exitCode()));
            }
            Path own = folder("demo");
            try (Stream<Path> files = Files.list(demo)) {
                for (Path file : files.toList()) {
                    Files.copy(file, own.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            CliResult result = new CliResult(
                    Integer.parseInt(Files.readString(exitCode).strip()),
                    Files.readString(shared.resolve("out")),
                    Files.readString(shared.resolve("err")));
            return new Run(own, result, Files.readString(shared.resolve("logs")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot share the demo in " + shared, e);
        }
    }

    /**
     * Under failsafe, the folder the build's test JVMs share the demo in: beside the jar the package phase built, named
     * after that jar's build time, so that a new build never reads an older build's demo. Empty elsewhere (an IDE, say).
     */
    private static Optional<Path> sharedFolder() {
        String jar = System.getProperty("pvw.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            return Optional.empty();
        }
        try {
            String built =
                    String.valueOf(Files.getLastModifiedTime(Path.of(jar)).toMillis());
            Path builds = Files.createDirectories(Path.of(jar).resolveSibling("test-demo"));
            try (Stream<Path> earlier = Files.list(builds)) {
                // An earlier build's demo: no JVM of this build reads it.
                earlier.filter(folder -> !folder.getFileName().toString().equals(built))
                        .forEach(JvmTempFolders::delete);
            }
            return Optional.of(Files.createDirectories(builds.resolve(built)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo's extracts, generated once and recorded, to replay on another engine or feed a reference model. */
    public static synchronized SimulatedExtracts extracts() {
        if (extracts == null) {
            extracts = SimulatedExtracts.record(SETTINGS, folder("extracts"));
        }
        return extracts;
    }

    private static Path folder(String name) {
        return JvmTempFolders.folder("demo-" + name);
    }

    /** One {@code pvw demo}: the folder it ran in, its result, and its logs. */
    public record Run(Path directory, CliResult result, String logs) {
        /** The demo warehouse's URL. */
        public String url() {
            return "jdbc:duckdb:" + directory.resolve(DATABASE_FILE);
        }

        /** The demo warehouse, to read. */
        public TestingWarehouse warehouse() {
            return TestingWarehouse.existing(TestingEngine.DUCKDB, directory, url());
        }

        /** A copy of the demo warehouse in {@code target}, under its own name, demo.duckdb, for a test to use. */
        public TestingWarehouse copyInto(Path target) {
            return warehouse().copyInto(target);
        }
    }
}
