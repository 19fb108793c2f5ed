package dev.pvw.cli;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses ISO-8601 timestamps without zone ({@code 2026-01-02T00:05:00}, a space for the T, or a bare date). */
final class TimestampConverter implements ITypeConverter<LocalDateTime> {
    @Override
    public LocalDateTime convert(String value) {
        return parse(value);
    }

    static LocalDateTime parse(String value) {
        String text = value.strip();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay();
            }
            return LocalDateTime.parse(text.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new TypeConversionException(
                    "'" + value + "' is not a timestamp; write it as 2026-01-02T00:05:00 (UTC, no zone)");
        }
    }
}
