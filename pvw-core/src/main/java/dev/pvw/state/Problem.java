package dev.pvw.state;

import static dev.pvw.state.Texts.age;
import static dev.pvw.state.Texts.timestamp;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.LocalDateTime;

/** Something {@code pvw status --check} finds wrong with a warehouse, told in one sentence with what to do. */
public sealed interface Problem {
    String describe();

    /** No pageview hour has been loaded. */
    record NoBatch() implements Problem {
        @Override
        public String describe() {
            return "No pageview batch has been loaded yet; run pvw after the hourly pageviews extract lands"
                    + " (pvw schedule, or a recipe in deploy/).";
        }
    }

    /** Hours with no batch between the first and the last loaded hour. */
    record MissingHours(WarehouseStatus.Gap gap) implements Problem {
        public MissingHours {
            requireNonNull(gap, "gap");
        }

        @Override
        public String describe() {
            if (gap.missingHours() == 1) {
                return "No batch for pageview hour " + timestamp(gap.firstMissing())
                        + "; load it from the extract archive and backfill it with pvw run --as-of"
                        + " (docs/scheduling.md).";
            }
            return "No batch for " + gap.missingHours() + " pageview hours from " + timestamp(gap.firstMissing())
                    + " to " + timestamp(gap.lastMissing())
                    + "; load them from the extract archive and backfill them with pvw run --as-of"
                    + " (docs/scheduling.md).";
        }
    }

    /** The newest loaded hour ended longer ago than the limit. */
    record StaleBatch(LocalDateTime newestHour, LocalDateTime asOf, Duration limit) implements Problem {
        public StaleBatch {
            requireNonNull(newestHour, "newestHour");
            requireNonNull(asOf, "asOf");
            requireNonNull(limit, "limit");
        }

        @Override
        public String describe() {
            return "The newest pageview batch is for hour " + timestamp(newestHour) + ", which ended "
                    + age(Duration.between(newestHour.plusHours(1), asOf)) + " before " + timestamp(asOf)
                    + ", more than the limit of " + age(limit)
                    + "; check that the hourly extract lands and that pvw runs after it, then backfill the hours"
                    + " missed (docs/scheduling.md).";
        }
    }

    /** No users snapshot has been accepted. */
    record NoSnapshot() implements Problem {
        @Override
        public String describe() {
            return "No users snapshot has been accepted yet; check that the daily users extract lands in"
                    + " raw.users_extract and that pvw runs after it.";
        }
    }

    /** The newest users snapshot took effect longer ago than the limit. */
    record StaleSnapshot(LocalDateTime effectiveFrom, LocalDateTime asOf, Duration limit) implements Problem {
        public StaleSnapshot {
            requireNonNull(effectiveFrom, "effectiveFrom");
            requireNonNull(asOf, "asOf");
            requireNonNull(limit, "limit");
        }

        @Override
        public String describe() {
            return "The newest users snapshot is effective from " + timestamp(effectiveFrom) + ", "
                    + age(Duration.between(effectiveFrom, asOf)) + " before " + timestamp(asOf)
                    + ", more than the limit of " + age(limit)
                    + "; check that the daily users extract lands and that pvw runs after it (an extract identical"
                    + " to the last one makes no new snapshot).";
        }
    }

    /** The last run failed: nothing of it was committed. */
    record LastRunFailed(WarehouseStatus.Run run) implements Problem {
        public LastRunFailed {
            requireNonNull(run, "run");
        }

        @Override
        public String describe() {
            return lastRun(run) + " failed (" + withoutFinalPeriod(run.message())
                    + "); fix the cause, then run it again or let the next scheduled run complete the work.";
        }
    }

    /** The last run completed with its users snapshot refused by a guard (pvw run exited 3). */
    record LastRunRefused(WarehouseStatus.Run run) implements Problem {
        public LastRunRefused {
            requireNonNull(run, "run");
        }

        @Override
        public String describe() {
            String reason = run.message() == null ? "no reason recorded" : withoutFinalPeriod(run.message());
            return lastRun(run) + " refused the users snapshot: " + reason + ".";
        }
    }

    /** The last run was killed part-way: nothing of it was committed. */
    record LastRunInterrupted(WarehouseStatus.Run run) implements Problem {
        public LastRunInterrupted {
            requireNonNull(run, "run");
        }

        @Override
        public String describe() {
            return lastRun(run) + " was interrupted before it finished, so nothing of it was committed; run pvw run"
                    + " --as-of " + timestamp(run.asOf()) + " or let the next scheduled run complete the work.";
        }
    }

    private static String lastRun(WarehouseStatus.Run run) {
        return "The last run, #" + run.runId() + " as of " + timestamp(run.asOf()) + ",";
    }

    private static String withoutFinalPeriod(String text) {
        if (text == null) {
            return "no message recorded";
        }
        String line = text.strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
