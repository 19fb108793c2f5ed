package dev.pvw.cli;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passwords the user handed to pvw, blanked out of every sentence and stack trace the CLI prints. The warehouse layer
 * redacts the URLs it formats itself, but a driver's own message may echo the URL it was given (DuckDB does, for a
 * file it cannot open), so the CLI scrubs whatever it prints as a last line of defence.
 */
final class Secrets {
    static final String MASK = "***";

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)[?&;](?:ssl)?password=([^&;]+)");
    private static final Pattern USER_INFO = Pattern.compile("(?i)jdbc:[a-z0-9]+://[^/@:]*:([^/@]+)@");
    private static final String PASSWORD_VARIABLE = "PGPASSWORD";

    private final List<String> values;

    private Secrets(Set<String> values) {
        // Longest first, so that a password containing another one is blanked whole.
        this.values = values.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** The passwords in URLs among the arguments and in the environment pvw reads. */
    static Secrets in(List<String> args, Map<String, String> environment) {
        Set<String> found = new LinkedHashSet<>();
        args.forEach(arg -> collect(arg, found));
        collect(environment.get(PvwCommand.ENVIRONMENT_VARIABLE), found);
        String pgPassword = environment.get(PASSWORD_VARIABLE);
        if (pgPassword != null && !pgPassword.isEmpty()) {
            found.add(pgPassword);
        }
        return new Secrets(found);
    }

    /** The text with every known password replaced by {@value #MASK}. */
    String scrub(String text) {
        String scrubbed = text;
        for (String value : values) {
            scrubbed = scrubbed.replace(value, MASK);
        }
        return scrubbed;
    }

    private static void collect(String text, Set<String> found) {
        if (text == null) {
            return;
        }
        for (Pattern pattern : List.of(PASSWORD_PARAMETER, USER_INFO)) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                String value = matcher.group(1);
                found.add(value);
                decoded(value).ifPresent(found::add);
            }
        }
    }

    /** A percent-encoded password as the driver sees it once decoded, when that differs. */
    private static Optional<String> decoded(String value) {
        try {
            String decoded = URLDecoder.decode(value, StandardCharsets.UTF_8);
            return decoded.equals(value) || decoded.isEmpty() ? Optional.empty() : Optional.of(decoded);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
