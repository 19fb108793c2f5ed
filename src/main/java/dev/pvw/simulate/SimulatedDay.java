package dev.pvw.simulate;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The users and their postcodes at 00:00 of one simulated day, and what happens to them during it. */
record SimulatedDay(LocalDate date, SortedMap<Long, String> usersAtStart, List<UserChange> changes) {
    SimulatedDay {
        requireNonNull(date, "date");
        usersAtStart = Collections.unmodifiableSortedMap(new TreeMap<>(usersAtStart));
        changes = List.copyOf(changes);
    }
}
