package dev.pvw.quality;

import static java.util.Objects.requireNonNull;

import dev.pvw.warehouse.Identifier;
import java.util.Optional;

/** What a set of checks looks at: everything, or what one run touched. */
public sealed interface CheckScope {
    /** Every user, batch, snapshot and hour of the warehouse ({@code pvw check --full}). */
    record Everything() implements CheckScope {}

    /**
     * What run {@code runId} touched, checked inside its own transaction before it commits: the users listed in the
     * run's work table or view {@code users} (whose history it changed or whose pageviews it re-attributed; none
     * when it applied no snapshot), its batches and the batches they replaced, with their hours, and its snapshot.
     */
    record DuringRun(long runId, Optional<Identifier> users) implements CheckScope {
        public DuringRun {
            requireNonNull(users, "users");
        }
    }

    /**
     * What a committed run touched as far as the ledgers tell ({@code pvw check}): its batches and the ones they
     * replaced, with their hours, its snapshot and the users whose versions that snapshot opened or closed.
     */
    record CommittedRun(long runId) implements CheckScope {}
}
