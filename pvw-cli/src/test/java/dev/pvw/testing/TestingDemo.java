package dev.pvw.testing;

import dev.pvw.simulate.SimulationSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The demo, built once per test JVM and shared: {@code pvw demo} as a user runs it (over the junk of an earlier demo,
 * with the fixed clock, its logs captured), and the demo's extracts recorded once. The suites that read the demo
 * warehouse take a copy of it, so the three days of synthetic extracts are generated and run once rather than once
 * per suite.
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
            Path directory = folder("demo");
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
            run = new Run(directory, result, logBytes.toString(StandardCharsets.UTF_8));
        }
        return run;
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
