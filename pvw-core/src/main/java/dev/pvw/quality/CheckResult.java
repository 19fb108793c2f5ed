package dev.pvw.quality;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What one check found. */
public sealed interface CheckResult {
    Check check();

    /** The check found nothing wrong. */
    record Passed(Check check) implements CheckResult {
        public Passed {
            requireNonNull(check, "check");
        }
    }

    /**
     * The check found problems: the first few, each described in words, and whether there were more than those.
     */
    record Failed(Check check, List<String> problems, boolean more) implements CheckResult {
        public Failed {
            requireNonNull(check, "check");
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("A failed check names at least one problem");
            }
        }

        /** The first problem, and how many more there are when known. */
        public String summary() {
            if (more) {
                // Beyond the problems listed there is at least one more, so at least as many besides the first.
                return problems.get(0) + " (and at least " + problems.size() + " more)";
            }
            int others = problems.size() - 1;
            return others == 0 ? problems.get(0) : problems.get(0) + " (and " + others + " more)";
        }
    }
}
