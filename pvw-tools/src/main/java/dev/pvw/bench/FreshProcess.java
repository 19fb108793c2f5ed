package dev.pvw.bench;

import static java.util.Objects.requireNonNull;

import dev.pvw.ProcessTimeline;
import dev.pvw.ProcessTimeline.Stage;
import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.bench.BenchResults.ProcessPhase;
import dev.pvw.bench.BenchResults.ProcessRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@code pvw bench} starts pvw as a process of its own, as a scheduler does, and times it from the outside, each
 * phase from the stages the process records ({@link ProcessTimeline}).
 *
 * @param command the launcher and its first arguments: {@code ./pvw} when the benchmark runs under it, else
 *     {@code java} with this process's options, class path and main class
 * @param description the launcher as the results name it
 * @param environmentOptions whether JVM options go through {@code PVW_JAVA_OPTS} (a launcher script) rather than on
 *     the command line
 * @param verbose whether each process logs every statement's time ({@code -v}), its log then logged here
 */
public record FreshProcess(List<String> command, String description, boolean environmentOptions, boolean verbose) {
    private static final Logger LOG = LoggerFactory.getLogger(FreshProcess.class);

    /** The environment variable a launcher script reads JVM options from. */
    public static final String JAVA_OPTIONS = "PVW_JAVA_OPTS";

    public FreshProcess {
        command = List.copyOf(command);
        requireNonNull(description, "description");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command must not be empty");
        }
    }

    /**
     * Runs pvw with {@code arguments} and {@code environment} besides this process's and waits for it; files for its
     * output and timeline go to {@code directory}. Fails unless it exits 0.
     */
    ProcessRun run(Path directory, String name, List<String> arguments, Map<String, String> environment) {
        Path timeline = directory.resolve(name + ".timeline");
        Path output = directory.resolve(name + ".log");
        List<String> full = new ArrayList<>(command);
        String option = "-D" + ProcessTimeline.PROPERTY + "=" + timeline;
        if (!environmentOptions) {
            full.add(1, option);
        }
        if (verbose) {
            full.add("-v");
        }
        full.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        if (environmentOptions) {
            String inherited = builder.environment().getOrDefault(JAVA_OPTIONS, "");
            builder.environment().put(JAVA_OPTIONS, (inherited + " " + option).strip());
        }
        try {
            Files.deleteIfExists(timeline);
            Instant started = Instant.now();
            Process process = builder.start();
            int exitCode = process.waitFor();
            Instant ended = Instant.now();
            if (exitCode != 0) {
                throw new PvwException(
                        ErrorCode.FAILURE,
                        "The benchmark's fresh process '" + String.join(" ", arguments) + "' exited " + exitCode
                                + "; its output is in " + output + ".");
            }
            if (verbose) {
                LOG.debug(
                        "Log of fresh process {} ({}):\n{}",
                        name,
                        String.join(" ", arguments),
                        Files.readString(output));
            }
            ProcessRun run = phases(started, ProcessTimeline.read(timeline), ended);
            Files.deleteIfExists(timeline);
            Files.deleteIfExists(output);
            return run;
        } catch (IOException e) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "Cannot run pvw as a process of its own (" + e.getMessage() + "); the benchmark starts "
                            + description + ".",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PvwException(ErrorCode.FAILURE, "Interrupted while a fresh pvw process ran.");
        }
    }

    /** The phases between the stages a process reached; a stage it skips (a bare minimum checks nothing) is empty. */
    static ProcessRun phases(Instant started, Map<Stage, Instant> marks, Instant ended) {
        Map<ProcessPhase, Duration> phases = new EnumMap<>(ProcessPhase.class);
        Instant previous = started;
        for (ProcessPhase phase : ProcessPhase.values()) {
            Instant end =
                    phase.endStage().isPresent() ? marks.get(phase.endStage().get()) : ended;
            if (end == null) {
                phases.put(phase, Duration.ZERO);
                continue;
            }
            phases.put(phase, Duration.between(previous, end));
            previous = end;
        }
        return new ProcessRun(Duration.between(started, ended), phases);
    }
}
