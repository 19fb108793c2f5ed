package dev.pvw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.TestingWarehouse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command's help renders as written: no format specifier picocli cannot expand, no warning on stderr. */
class HelpTest {
    @TempDir
    static Path directory;

    static Stream<String> commands() {
        return Stream.concat(Stream.of(""), commandLine().getSubcommands().keySet().stream());
    }

    @ParameterizedTest(name = "pvw {0} --help")
    @MethodSource("commands")
    void rendersWithoutWarnings(String command) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int exitCode;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            exitCode = command.isEmpty() ? commandLine.execute("--help") : commandLine.execute(command, "--help");
        } finally {
            System.setErr(original);
        }

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains(command.isEmpty() ? "Usage: pvw " : "Usage: pvw " + command + " ");
        assertThat(out.toString()).doesNotContain("%n", "${");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    private static CommandLine commandLine() {
        return Main.commandLine(new CliContext(TestingWarehouse.FIXED_CLOCK, Map.of(), directory));
    }
}
