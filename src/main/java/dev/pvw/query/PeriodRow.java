package dev.pvw.query;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;

/** Pageviews of one postcode in one period; {@code postcode} is null where the postcode is unknown. */
public record PeriodRow(LocalDateTime periodStart, String postcode, long pageviews) {
    public PeriodRow {
        requireNonNull(periodStart, "periodStart");
    }
}
