package dev.pvw.reference;

import static java.util.Objects.requireNonNull;

import dev.pvw.testing.PageviewRow;
import dev.pvw.testing.UserRow;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One step of a {@link RandomScenario}: land either extract, both or neither, then {@code pvw run --as-of asOf}. */
record ScenarioStep(
        int number,
        String description,
        Optional<List<UserRow>> usersToLand,
        Optional<List<PageviewRow>> pageviewsToLand,
        LocalDateTime asOf,
        boolean allowShrink) {
    private static final DateTimeFormatter AS_OF_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    ScenarioStep {
        requireNonNull(description, "description");
        usersToLand = usersToLand.map(List::copyOf);
        pageviewsToLand = pageviewsToLand.map(List::copyOf);
        requireNonNull(asOf, "asOf");
    }

    /** The arguments of {@code pvw run} for this step. */
    List<String> runArguments() {
        List<String> arguments = new ArrayList<>(List.of("run", "--as-of", AS_OF_FORMAT.format(asOf)));
        if (allowShrink) {
            arguments.add("--allow-shrink");
        }
        return arguments;
    }

    @Override
    public String toString() {
        return "step " + number + ": " + description + ", then pvw " + String.join(" ", runArguments());
    }
}
