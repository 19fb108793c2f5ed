package dev.pvw.state;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Why a row was quarantined (SPEC section 4), as the quarantine tables record it. */
public enum QuarantineReason {
    NULL_USER_ID("pageviews"),
    NULL_PAGEVIEW_DATETIME("pageviews"),
    PAGEVIEW_AFTER_AS_OF("pageviews"),
    NULL_ID("users"),
    CONFLICTING_POSTCODES("users");

    private final String source;

    QuarantineReason(String source) {
        this.source = source;
    }

    /** The word in the {@code reason} column. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Which extract such rows come from. */
    public String source() {
        return source;
    }

    /** The reason with this word, ignoring case and blanks around it. */
    public static Optional<QuarantineReason> of(String word) {
        String normalised = word.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(reason -> reason.word().equals(normalised))
                .findFirst();
    }

    /** Every reason's word, for messages. */
    public static String words() {
        return Arrays.stream(values()).map(QuarantineReason::word).collect(Collectors.joining(", "));
    }
}
