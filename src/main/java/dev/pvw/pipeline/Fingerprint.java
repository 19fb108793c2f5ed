package dev.pvw.pipeline;

import java.util.Objects;
import org.jdbi.v3.core.mapper.RowMapper;

/** Row count and content fingerprint of an extract table. */
record Fingerprint(long rows, String fingerprint) {
    static final RowMapper<Fingerprint> MAPPER =
            (rs, context) -> new Fingerprint(rs.getLong("extract_rows"), rs.getString("fingerprint"));

    Fingerprint {
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
