package dev.pvw.cli;

import dev.pvw.ProcessTimeline;
import dev.pvw.ProcessTimeline.Stage;
import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.TimeZone;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Entry point of the {@code pvw} executable: wires the commands and maps outcomes to exit codes. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        ProcessTimeline.mark(Stage.MAIN);
        // Timestamps in pvw carry no zone and mean UTC; keep the JVM from shifting them.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        int exitCode = commandLine(CliContext.system()).execute(args);
        ProcessTimeline.write();
        System.exit(exitCode);
    }

    /** The command line with every subcommand, for {@code main} and for tests that call {@code execute}. */
    public static CommandLine commandLine(CliContext context) {
        PvwCommand pvw = new PvwCommand(context);
        CommandLine commandLine = new CommandLine(pvw)
                .addSubcommand(new InitCommand())
                .addSubcommand(new RunCommand())
                .addSubcommand(new StatusCommand())
                .addSubcommand(new ScheduleCommand())
                .addSubcommand(new CheckCommand())
                .addSubcommand(new QuarantineCommand())
                .addSubcommand(new QueryCommand())
                .addSubcommand(new MaintainCommand())
                .addSubcommand(new ServeCommand())
                .addSubcommand(new GrantReadCommand())
                .addSubcommand(new DemoCommand())
                .addSubcommand(new SimulateCommand())
                .addSubcommand(new BenchCommand())
                .addSubcommand(new BareMinimumCommand())
                .addSubcommand(new CommandLine.HelpCommand());
        commandLine.setParameterExceptionHandler(new UsageHandler(context));
        commandLine.setExecutionExceptionHandler(new FailureHandler(pvw));
        commandLine.setExitCodeExceptionMapper(Main::exitCode);
        return commandLine;
    }

    private static int exitCode(Throwable exception) {
        if (exception instanceof PvwException pvwException) {
            return pvwException.code().exitCode();
        }
        return exception instanceof ParameterException ? ExitCodes.USAGE : ExitCodes.FAILURE;
    }

    /** The text on one line, so that the user sees one sentence however the message was wrapped. */
    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String withoutFinalPeriod(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }

    /**
     * Prints one sentence for a command line picocli cannot parse (or a command rejects as such): what was wrong and
     * where the usage is, instead of picocli's default of the message followed by the whole usage help.
     */
    private record UsageHandler(CliContext context) implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException exception, String[] args) {
            CommandLine commandLine = exception.getCommandLine();
            Secrets secrets = Secrets.in(List.of(args), context.environment());
            PrintWriter err = commandLine.getErr();
            err.println(secrets.scrub(sentence(exception, commandLine.getCommandSpec())));
            err.flush();
            return ExitCodes.USAGE;
        }

        private static String sentence(ParameterException exception, CommandSpec command) {
            String problem = withoutFinalPeriod(oneLine(exception.getMessage()));
            if (exception instanceof UnmatchedArgumentException unmatched) {
                problem = unmatched(unmatched, command, problem);
            }
            return problem + "; see '" + command.qualifiedName() + " --help' for usage.";
        }

        private static String unmatched(UnmatchedArgumentException unmatched, CommandSpec command, String problem) {
            String described = problem;
            if (!unmatched.isUnknownOption() && !unmatched.getUnmatched().isEmpty()) {
                String first = unmatched.getUnmatched().get(0);
                described = command.subcommands().isEmpty()
                        ? "Unexpected argument '" + first + "' for " + command.qualifiedName()
                        : "Unknown command '" + first + "'";
            }
            List<String> suggestions = unmatched.getSuggestions();
            return suggestions.isEmpty()
                    ? described
                    : described + " (did you mean " + String.join(" or ", suggestions) + "?)";
        }
    }

    /** Prints one sentence for a failure (and the stack trace with -v) and returns its exit code. */
    private record FailureHandler(PvwCommand pvw) implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
            Secrets secrets =
                    Secrets.in(parseResult.originalArgs(), pvw.context().environment());
            PrintWriter err = commandLine.getErr();
            err.println(secrets.scrub(sentence(exception, commandLine.getCommandSpec())));
            if (pvw.verbose()) {
                StringWriter trace = new StringWriter();
                exception.printStackTrace(new PrintWriter(trace, true));
                err.print(secrets.scrub(trace.toString()));
            }
            err.flush();
            return exitCode(exception);
        }

        private static String sentence(Exception exception, CommandSpec command) {
            if (exception instanceof PvwException pvwException) {
                String message = oneLine(pvwException.getMessage());
                if (pvwException.code() == ErrorCode.USAGE) {
                    return withoutFinalPeriod(message) + "; see '" + command.qualifiedName() + " --help' for usage.";
                }
                return message;
            }
            return "pvw failed unexpectedly: " + oneLine(exception.toString())
                    + "; run again with -v for details and report it if it persists.";
        }
    }
}
