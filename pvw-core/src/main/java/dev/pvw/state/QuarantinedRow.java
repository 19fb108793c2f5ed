package dev.pvw.state;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;

/**
 * One quarantined row as a run read it: from the pageviews extract ({@code batchId}, {@code userId}, {@code url},
 * {@code pageviewDatetime}) or the users extract ({@code snapshotId}, {@code userId} for its id, {@code postcode}).
 */
public record QuarantinedRow(
        String source,
        long runId,
        Long batchId,
        Long snapshotId,
        String reason,
        Long userId,
        String postcode,
        String url,
        LocalDateTime pageviewDatetime) {
    public QuarantinedRow {
        requireNonNull(source, "source");
        requireNonNull(reason, "reason");
    }
}
