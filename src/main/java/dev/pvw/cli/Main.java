package dev.pvw.cli;

import dev.pvw.PvwException;
import java.io.PrintWriter;
import java.util.TimeZone;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Entry point of the {@code pvw} executable: wires the commands and maps outcomes to exit codes. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Timestamps in pvw carry no zone and mean UTC; keep the JVM from shifting them.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        System.exit(commandLine(CliContext.system()).execute(args));
    }

    /** The command line with every subcommand, for {@code main} and for tests that call {@code execute}. */
    public static CommandLine commandLine(CliContext context) {
        PvwCommand pvw = new PvwCommand(context);
        CommandLine commandLine = new CommandLine(pvw)
                .addSubcommand(new InitCommand())
                .addSubcommand(new RunCommand())
                .addSubcommand(new StatusCommand())
                .addSubcommand(new QueryCommand())
                .addSubcommand(new GrantReadCommand())
                .addSubcommand(new DemoCommand())
                .addSubcommand(new CommandLine.HelpCommand());
        commandLine.setExecutionExceptionHandler(new FailureHandler(pvw));
        commandLine.setExitCodeExceptionMapper(exception -> exception instanceof PvwException pvwException
                ? pvwException.code().exitCode()
                : ExitCodes.FAILURE);
        return commandLine;
    }

    /** Prints one sentence for a failure (and the stack trace with -v) and returns its exit code. */
    private record FailureHandler(PvwCommand pvw) implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
            PrintWriter err = commandLine.getErr();
            if (exception instanceof PvwException pvwException) {
                err.println(pvwException.getMessage());
                printDetails(err, exception);
                return pvwException.code().exitCode();
            }
            err.println("pvw failed unexpectedly: " + exception
                    + "; run again with -v for details and report it if it persists.");
            printDetails(err, exception);
            return ExitCodes.FAILURE;
        }

        private void printDetails(PrintWriter err, Exception exception) {
            if (pvw.verbose()) {
                exception.printStackTrace(err);
            }
            err.flush();
        }
    }
}
