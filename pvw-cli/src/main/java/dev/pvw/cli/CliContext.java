package dev.pvw.cli;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** What the commands take from the outside world, injected so that tests can fix it. */
public record CliContext(Clock clock, Map<String, String> environment, Path workingDirectory) {
    public CliContext {
        requireNonNull(clock, "clock");
        environment = Map.copyOf(environment);
        requireNonNull(workingDirectory, "workingDirectory");
    }

    /** The real clock (UTC), environment and working directory. */
    public static CliContext system() {
        return new CliContext(Clock.systemUTC(), System.getenv(), Path.of("").toAbsolutePath());
    }
}
