package dev.pvw.pipeline;

import dev.pvw.warehouse.RowMapper;
import java.util.Objects;

/** Row count and content fingerprint of an extract table. */
record Fingerprint(long rows, String fingerprint) {
    static final RowMapper<Fingerprint> MAPPER =
            row -> new Fingerprint(row.getLong("extract_rows"), row.getString("fingerprint"));

    Fingerprint {
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
