package dev.pvw.testing;

import java.time.LocalDateTime;

/** One row of {@code raw.pageviews_extract}; any value may be null, as in a real extract. */
public record PageviewRow(Long userId, String url, LocalDateTime pageviewDatetime) {}
