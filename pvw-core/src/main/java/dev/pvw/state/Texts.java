package dev.pvw.state;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** How the health check writes times and ages: as the CLI prints timestamps, and ages in hours and minutes. */
final class Texts {
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private Texts() {}

    static String timestamp(LocalDateTime value) {
        return ISO_SECONDS.format(value);
    }

    /** 26h, 1h05m, 45m: whole minutes, rounded down; a negative age (a time after the check's) reads 0m. */
    static String age(Duration value) {
        long minutes = Math.max(0, value.toMinutes());
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0) {
            return rest + "m";
        }
        return rest == 0 ? hours + "h" : String.format("%dh%02dm", hours, rest);
    }
}
