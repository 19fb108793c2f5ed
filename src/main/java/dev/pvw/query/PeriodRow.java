package dev.pvw.query;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;
import org.jdbi.v3.core.mapper.RowMapper;

/** Pageviews of one postcode in one period; {@code postcode} is null where the postcode is unknown. */
public record PeriodRow(LocalDateTime periodStart, String postcode, long pageviews) {
    /** Reads the columns period_start, postcode and pageviews that every period query returns. */
    public static final RowMapper<PeriodRow> MAPPER = (rs, context) -> new PeriodRow(
            rs.getTimestamp("period_start").toLocalDateTime(), rs.getString("postcode"), rs.getLong("pageviews"));

    public PeriodRow {
        requireNonNull(periodStart, "periodStart");
    }
}
