package dev.pvw.simulate;

import java.time.LocalDateTime;

/** One row of {@code raw.pageviews_extract}; any value may be null, as in a real extract. */
public record PageviewExtractRow(Long userId, String url, LocalDateTime pageviewDatetime) {}
