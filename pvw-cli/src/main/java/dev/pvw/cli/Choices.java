package dev.pvw.cli;

import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Options whose value is one of an enum's constants, written in lower case with dashes. */
final class Choices {
    private Choices() {}

    /** The constant {@code value} names; bad usage naming {@code option} and the {@code allowed} values if none. */
    static <E extends Enum<E>> E parse(
            CommandLine commandLine, Class<E> type, String value, String option, String allowed) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, "Unknown " + option + " '" + value + "'; use " + allowed + ".");
        }
    }
}
