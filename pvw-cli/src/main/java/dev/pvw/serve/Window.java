package dev.pvw.serve;

import java.time.LocalDateTime;

/** Hours from {@code from} (inclusive) to {@code to} (exclusive), as {@code pvw query} takes them; null for open. */
record Window(LocalDateTime from, LocalDateTime to) {
    static final Window ALL = new Window(null, null);

    Window {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadRequest("The window is empty: 'from' (" + from + ") must be before 'to' (" + to + ").");
        }
    }
}
