package dev.pvw.cli;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** How timestamps are printed: ISO-8601 without zone, always with seconds, as the CLI takes them. */
final class Timestamps {
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private Timestamps() {}

    static String format(LocalDateTime value) {
        return value == null ? "" : ISO_SECONDS.format(value);
    }
}
