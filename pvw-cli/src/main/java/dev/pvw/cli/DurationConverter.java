package dev.pvw.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a length of time more than zero: whole days, hours, minutes and seconds ({@code 2h}, {@code 1h30m}), or ISO-8601 ({@code PT2H}). */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern UNITS = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    static Duration parse(String value) {
        Duration duration = read(value.strip().toLowerCase(Locale.ROOT));
        if (duration == null) {
            throw new TypeConversionException(
                    "'" + value + "' is not a duration; write it as 90m, 2h, 1h30m or 1d (or ISO-8601, PT2H)");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new TypeConversionException("'" + value + "' is not more than zero; give a duration such as 2h");
        }
        return duration;
    }

    private static Duration read(String text) {
        try {
            if (text.startsWith("p")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
            Matcher units = UNITS.matcher(text);
            if (text.isEmpty() || !units.matches()) {
                return null;
            }
            return Duration.ofDays(number(units.group(1)))
                    .plusHours(number(units.group(2)))
                    .plusMinutes(number(units.group(3)))
                    .plusSeconds(number(units.group(4)));
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
