package dev.pvw.query;

import static java.util.Objects.requireNonNull;

import dev.pvw.warehouse.RowMapper;
import java.time.LocalDateTime;

/** Pageviews of one postcode in one period; {@code postcode} is null where the postcode is unknown. */
public record PeriodRow(LocalDateTime periodStart, String postcode, long pageviews) {
    /** Reads the columns period_start, postcode and pageviews that every period query returns. */
    public static final RowMapper<PeriodRow> MAPPER =
            row -> new PeriodRow(row.getTimestamp("period_start"), row.getString("postcode"), row.getLong("pageviews"));

    public PeriodRow {
        requireNonNull(periodStart, "periodStart");
    }
}
