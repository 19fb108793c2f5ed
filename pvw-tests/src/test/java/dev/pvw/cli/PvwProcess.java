package dev.pvw.cli;

import static java.util.Objects.requireNonNull;

import dev.pvw.testing.JvmTempFolders;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The real {@code pvw} executable (the shaded jar the {@code package} phase built) running as a process of its own, as
 * a scheduler starts it: its stderr is read line by line so that a test can act on a log line, its stdout kept in a
 * file.
 */
final class PvwProcess implements AutoCloseable {
    /** How a process killed by SIGKILL exits, as the JDK reports it on Linux: 128 + signal 9. */
    static final int KILLED_EXIT_CODE = 128 + 9;

    private static final Duration POLL = Duration.ofMillis(50);

    private final Process process;
    private final Path stdout;
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
    private final Thread reader;

    private PvwProcess(Process process, Path stdout) {
        this.process = requireNonNull(process, "process");
        this.stdout = requireNonNull(stdout, "stdout");
        this.reader = new Thread(this::readStderr, "pvw-stderr-" + process.pid());
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Starts {@code java -Duser.timezone=UTC -jar target/pvw.jar args...} in {@code directory}. */
    static PvwProcess start(Path directory, String name, String... args) {
        return start(directory, name, List.of(), List.of(), args);
    }

    /**
     * Starts pvw with {@code jvmOptions} (system properties, say) before {@code -jar}, and the whole command after
     * {@code launcher} (a shell that sets a limit first, say), when it is not empty.
     */
    static PvwProcess start(
            Path directory, String name, List<String> launcher, List<String> jvmOptions, String... args) {
        return start(jar(), directory, name, launcher, jvmOptions, args);
    }

    /** The shaded jar the package phase built. */
    static Path jar() {
        String property = System.getProperty("pvw.jar");
        if (property == null) {
            throw new IllegalStateException(
                    "System property pvw.jar is not set; run this test through failsafe (mvn verify)");
        }
        Path jar = Path.of(property);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " does not exist; the package phase builds it before integration tests");
        }
        return jar;
    }

    /** As {@link #start(Path, String, List, List, String...)}, with pvw's jar at {@code jar} (a copy of it, say). */
    static PvwProcess start(
            Path jar, Path directory, String name, List<String> launcher, List<String> jvmOptions, String... args) {
        List<String> options = new ArrayList<>(startUpOptions(jar));
        options.addAll(jvmOptions);
        return start(directory, name, launcher, options, List.of("-jar", jar.toString()), args);
    }

    /**
     * Starts pvw on a {@code spark:} warehouse as {@code ./pvw} does: {@code pvw.jar} before Spark's class path (the
     * test's, which Maven writes to {@code target/spark-test.classpath}), with Spark's {@code --add-opens} list. Unlike
     * {@code ./pvw} on Spark, with the JIT's first tier only: a test's process plans one small run and ends, and a cold
     * {@code init} on Spark took half the CPU time so (24 s against 42 s).
     */
    static PvwProcess startSpark(Path directory, String name, List<String> jvmOptions, String... args) {
        List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1"));
        options.addAll(List.of(requiredProperty("pvw.spark.java.options").split("\\s+")));
        options.addAll(jvmOptions);
        String classPath;
        try {
            classPath = jar()
                    + java.io.File.pathSeparator
                    + Files.readString(Path.of(requiredProperty("pvw.spark.classpath")))
                            .strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Spark's class path for the test", e);
        }
        return start(directory, name, List.of(), options, List.of("-cp", classPath, Main.class.getName()), args);
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("System property " + name + " is not set; run this test through failsafe");
        }
        return value;
    }

    private static PvwProcess start(
            Path directory,
            String name,
            List<String> launcher,
            List<String> jvmOptions,
            List<String> main,
            String... args) {
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Duser.timezone=UTC");
        if (jvmOptions.stream().noneMatch(option -> option.startsWith("-Djava.io.tmpdir="))) {
            // The DuckDB driver unpacks its 70 MB native library into java.io.tmpdir and deletes it only on a normal
            // exit; a killed process would leave it in /tmp, so each process gets a folder the test removes.
            command.add("-Djava.io.tmpdir=" + temporaryFolder(directory, name));
        }
        command.addAll(jvmOptions);
        command.addAll(main);
        command.addAll(List.of(args));
        Path stdout = directory.resolve(name + ".out");
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(directory.toFile()).redirectOutput(stdout.toFile());
        builder.environment().remove(PvwCommand.ENVIRONMENT_VARIABLE);
        try {
            return new PvwProcess(builder.start(), stdout);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command, e);
        }
    }

    /**
     * What {@code ./pvw} gives a short command, so that a test's process starts as quickly as a user's: the JIT's first
     * tier, and a class-data-sharing archive of the jar's classes (made once per jar here, as {@code ./pvw} makes it).
     * A copy of the jar elsewhere gets no archive, which is made for the jar's own path.
     */
    private static List<String> startUpOptions(Path jar) {
        List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1"));
        if (jar.equals(jar())) {
            archive()
                    .ifPresent(archive -> options.addAll(
                            List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-XX:SharedArchiveFile=" + archive)));
        }
        return options;
    }

    /** The archive beside the jar, made on first use by one run on an empty warehouse; empty if it cannot be made. */
    private static synchronized Optional<Path> archive() {
        Path jar = jar();
        Path archive = jar.resolveSibling("pvw-test.jsa");
        try {
            if (!Files.exists(archive)
                    || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) < 0) {
                Path scratch = Files.createTempDirectory(JvmTempFolders.folder("cds"), "archive-");
                Path made = scratch.resolve("pvw.jsa");
                Process process = new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-Xlog:cds=off",
                                "-Xlog:cds+dynamic=off",
                                "-XX:ArchiveClassesAtExit=" + made,
                                "-Duser.timezone=UTC",
                                "-jar",
                                jar.toString(),
                                "--warehouse",
                                "jdbc:duckdb:" + scratch.resolve("archive.duckdb"),
                                "run",
                                "--as-of",
                                "2026-01-01T00:05:00")
                        .redirectErrorStream(true)
                        .redirectOutput(scratch.resolve("archive.log").toFile())
                        .start();
                if (process.waitFor() == 0 && Files.exists(made)) {
                    // Two test JVMs may make it at once: each moves its own into place whole.
                    Files.move(made, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Files.exists(archive) ? Optional.of(archive) : Optional.empty();
    }

    private static Path temporaryFolder(Path directory, String name) {
        try {
            return Files.createDirectories(directory.resolve(name + ".tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder for " + name, e);
        }
    }

    /** Waits for a line of stderr matching {@code pattern} and returns it; fails if the process ends first. */
    String awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        Instant giveUpAt = Instant.now().plus(timeout);
        while (Instant.now().isBefore(giveUpAt)) {
            String line = unread.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
            if (line != null && pattern.matcher(line).find()) {
                return line;
            }
            if (line == null && !reader.isAlive() && unread.isEmpty()) {
                throw new AssertionError("pvw ended (exit " + process.waitFor() + ") before printing a line matching "
                        + pattern + "\n" + describe());
            }
        }
        throw new AssertionError("No line matching " + pattern + " within " + timeout + "\n" + describe());
    }

    /** Waits for the process to end and returns its exit code. */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("pvw still running after " + timeout + "\n" + describe());
        }
        reader.join(timeout.toMillis());
        return process.exitValue();
    }

    /** How a process stopped by SIGTERM exits, as the JVM reports it on Linux after its shutdown hooks: 128 + 15. */
    static final int TERMINATED_EXIT_CODE = 128 + 15;

    /**
     * SIGTERM on Linux, as a service manager stops a process: the JVM runs its shutdown hooks, then exits. Sent through
     * the process handle, because {@code Process.destroy()} also closes the pipes, and the lines logged after the signal
     * are what a test wants to read.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    /** SIGKILL on Linux: the JVM gets no chance to run shutdown hooks, close the database or roll back. */
    void kill() {
        process.destroyForcibly();
    }

    /** The process id, for a test that limits the process from outside. */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String stderr() {
        return String.join("\n", stderr) + (stderr.isEmpty() ? "" : "\n");
    }

    String stdout() {
        try {
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String describe() {
        return "--- stdout\n" + stdout() + "--- stderr\n" + stderr();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void readStderr() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                stderr.add(line);
                unread.add(line);
            }
        } catch (IOException e) {
            // The stream closes when the process is killed; what was read so far stays available.
        }
    }
}
