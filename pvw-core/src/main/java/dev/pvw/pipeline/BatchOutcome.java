package dev.pvw.pipeline;

import java.time.LocalDateTime;

/** What a run did with the pageviews extract. */
public sealed interface BatchOutcome {
    /** One line for the run log and the terminal. */
    String describe();

    /** The extract holds no rows. */
    record Empty() implements BatchOutcome {
        @Override
        public String describe() {
            return "pageviews extract is empty";
        }
    }

    /** The batch standing for this hour already has this content; {@code batchHour} is null for a batch with no
     * valid row. */
    record Unchanged(LocalDateTime batchHour) implements BatchOutcome {
        @Override
        public String describe() {
            return batchHour == null
                    ? "pageviews extract already seen (no valid rows)"
                    : "pageviews batch for " + batchHour + " already loaded with this content";
        }
    }

    /** The batch was counted; it replaced an earlier batch for the same hour when {@code replaced}. */
    record Loaded(long batchId, LocalDateTime batchHour, boolean replaced, long countedRows, long quarantinedRows)
            implements BatchOutcome {
        @Override
        public String describe() {
            String hour = batchHour == null ? "no hour (no valid rows)" : batchHour.toString();
            return String.format(
                    "pageviews batch %d for %s %s: %d pageviews counted, %d rows quarantined",
                    batchId, hour, replaced ? "replaced the earlier batch" : "loaded", countedRows, quarantinedRows);
        }
    }
}
