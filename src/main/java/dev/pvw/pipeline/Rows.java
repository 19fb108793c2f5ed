package dev.pvw.pipeline;

import java.time.LocalDateTime;
import java.util.Objects;
import org.jdbi.v3.core.mapper.RowMapper;

/** Row types the steps read back from their SQL. */
final class Rows {
    private Rows() {}

    static LocalDateTime timestamp(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toLocalDateTime();
    }
}

/** Row count and content fingerprint of an extract table. */
record Fingerprint(long rows, String fingerprint) {
    static final RowMapper<Fingerprint> MAPPER =
            (rs, context) -> new Fingerprint(rs.getLong("extract_rows"), rs.getString("fingerprint"));

    Fingerprint {
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}

/** The last accepted users snapshot, as far as the next one needs to know. */
record LastSnapshot(long snapshotId, LocalDateTime effectiveFrom, String fingerprint, long distinctIds) {
    static final RowMapper<LastSnapshot> MAPPER = (rs, context) -> new LastSnapshot(
            rs.getLong("snapshot_id"),
            Rows.timestamp(rs, "effective_from"),
            rs.getString("fingerprint"),
            rs.getLong("distinct_ids"));
}

/** What the guards look at in a users extract. */
record GuardCounts(long distinctIds, long validRows) {
    static final RowMapper<GuardCounts> MAPPER =
            (rs, context) -> new GuardCounts(rs.getLong("distinct_ids"), rs.getLong("valid_rows"));
}

/** How a snapshot changes the users. */
record Changes(long users, long newUsers, long movedUsers, long returnedUsers, long deletedUsers) {
    static final RowMapper<Changes> MAPPER = (rs, context) -> new Changes(
            rs.getLong("users"),
            rs.getLong("new_users"),
            rs.getLong("moved_users"),
            rs.getLong("returned_users"),
            rs.getLong("deleted_users"));
}

/** The batch standing for an hour in the ledger. */
record ActiveBatch(long batchId, String fingerprint, LocalDateTime firstHour, LocalDateTime lastHour) {
    static final RowMapper<ActiveBatch> MAPPER = (rs, context) -> new ActiveBatch(
            rs.getLong("batch_id"),
            rs.getString("fingerprint"),
            Rows.timestamp(rs, "first_hour"),
            Rows.timestamp(rs, "last_hour"));
}

/** What a batch counted and quarantined, and the hours its counted rows cover. */
record BatchCounts(long countedRows, long quarantinedRows, LocalDateTime firstHour, LocalDateTime lastHour) {
    static final RowMapper<BatchCounts> MAPPER = (rs, context) -> new BatchCounts(
            rs.getLong("counted_rows"),
            rs.getLong("quarantined_rows"),
            Rows.timestamp(rs, "first_hour"),
            Rows.timestamp(rs, "last_hour"));
}
