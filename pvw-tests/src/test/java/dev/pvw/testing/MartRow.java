package dev.pvw.testing;

import java.time.LocalDateTime;

/** One row of a mart; {@code postcode} is null where unknown. */
public record MartRow(LocalDateTime hourStart, String postcode, long pageviews) {}
