package dev.pvw.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;

/** What a run did with the users extract. */
public sealed interface SnapshotOutcome {
    /** One line for the run log and the terminal. */
    String describe();

    /** The extract is empty and no snapshot was ever accepted: there is nothing to compare or apply. */
    record NoSnapshotYet() implements SnapshotOutcome {
        @Override
        public String describe() {
            return "users extract is empty and no snapshot has been accepted yet";
        }
    }

    /** The extract holds the same content as the last accepted snapshot. */
    record Unchanged(LocalDateTime effectiveFrom) implements SnapshotOutcome {
        public Unchanged {
            requireNonNull(effectiveFrom, "effectiveFrom");
        }

        @Override
        public String describe() {
            return "users extract unchanged since the snapshot effective " + effectiveFrom.toLocalDate();
        }
    }

    /** A new snapshot was applied to the history and the marts. */
    record Accepted(
            long snapshotId,
            LocalDateTime effectiveFrom,
            boolean replacedSameDay,
            long users,
            long newUsers,
            long movedUsers,
            long returnedUsers,
            long deletedUsers,
            long quarantinedRows)
            implements SnapshotOutcome {
        public Accepted {
            requireNonNull(effectiveFrom, "effectiveFrom");
        }

        @Override
        public String describe() {
            return String.format(
                    "users snapshot %d effective %s %s: %d users, %d new, %d moved, %d returned, %d deleted,"
                            + " %d rows quarantined",
                    snapshotId,
                    effectiveFrom.toLocalDate(),
                    replacedSameDay ? "replaced the same day's snapshot" : "accepted",
                    users,
                    newUsers,
                    movedUsers,
                    returnedUsers,
                    deletedUsers,
                    quarantinedRows);
        }
    }

    /** A guard refused the snapshot: nothing of it was applied. */
    record Refused(String reason) implements SnapshotOutcome {
        public Refused {
            requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "users snapshot refused: " + reason;
        }
    }
}
