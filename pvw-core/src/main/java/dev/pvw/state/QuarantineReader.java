package dev.pvw.state;

import static java.util.Objects.requireNonNull;

import dev.pvw.warehouse.Warehouse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lists quarantined rows, optionally of one run and one reason. */
public final class QuarantineReader {
    private final Warehouse warehouse;

    public QuarantineReader(Warehouse warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
    }

    /** At most {@code limit} rows, in the order runs saw them. */
    public List<QuarantinedRow> list(Optional<Long> runId, Optional<QuarantineReason> reason, int limit) {
        Map<String, Object> parameters = filter(runId, reason);
        parameters.put("limit", limit);
        return warehouse.query(
                "quarantine/list",
                parameters,
                row -> new QuarantinedRow(
                        row.getString("source"),
                        row.getLong("run_id"),
                        row.getNullableLong("batch_id"),
                        row.getNullableLong("snapshot_id"),
                        row.getString("reason"),
                        row.getNullableLong("user_id"),
                        row.getString("postcode"),
                        row.getString("url"),
                        row.getTimestamp("pageview_datetime")));
    }

    /** How many rows {@link #list} would return without a limit. */
    public long count(Optional<Long> runId, Optional<QuarantineReason> reason) {
        return warehouse.queryLong("quarantine/count", filter(runId, reason));
    }

    private static Map<String, Object> filter(Optional<Long> runId, Optional<QuarantineReason> reason) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("run_id", runId.orElse(null));
        parameters.put("reason", reason.map(QuarantineReason::word).orElse(null));
        return parameters;
    }
}
