package dev.pvw.serve;

import dev.pvw.query.Grain;
import dev.pvw.query.Postcodes;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request's query string, every value checked before any of it reaches the warehouse: names from the endpoint's
 * list, choices from fixed lists, timestamps parsed, postcodes normalised and bounded (they reach SQL only as bind
 * parameters). Anything else is a {@link BadRequest}.
 */
final class RequestParameters {
    /** More lines than this make a chart nobody can read. */
    static final int MAX_POSTCODES = 20;

    /** Longer than any postcode of any country; a longer value is not a postcode. */
    static final int MAX_POSTCODE_LENGTH = 32;

    static final int DEFAULT_TOP = 5;

    private final Map<String, String> values;

    private RequestParameters(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Decodes {@code rawQuery} (null for none), refusing a name not in {@code allowed} or given twice. */
    static RequestParameters parse(String rawQuery, Set<String> allowed) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new RequestParameters(values);
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (!allowed.contains(name)) {
                throw new BadRequest("Unknown parameter '" + printable(name) + "'; this page takes "
                        + (allowed.isEmpty()
                                ? "no parameters"
                                : String.join(", ", allowed.stream().sorted().toList()))
                        + ".");
            }
            if (values.put(name, value.strip()) != null) {
                throw new BadRequest("Parameter '" + name + "' is given twice; give it once.");
            }
        }
        return new RequestParameters(values);
    }

    /** The grain, day when absent. */
    Grain grain() {
        String value = value("grain");
        if (value == null) {
            return Grain.DAY;
        }
        return Arrays.stream(Grain.values())
                .filter(grain -> grain.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new BadRequest(
                        "Unknown grain '" + printable(value) + "'; use hour, day, week, month or year."));
    }

    /** The questions to answer: {@code current}, {@code at-view} or {@code both} (the default). */
    List<Question> questions() {
        String value = value("question");
        if (value == null || value.equalsIgnoreCase("both")) {
            return List.of(Question.values());
        }
        return List.of(question(value, "current, at-view or both"));
    }

    /** The one question a CSV download answers: {@code current} or {@code at-view}. */
    Question question() {
        String value = value("question");
        if (value == null) {
            throw new BadRequest("Parameter 'question' is missing; use current or at-view.");
        }
        return question(value, "current or at-view");
    }

    private static Question question(String value, String allowed) {
        return Arrays.stream(Question.values())
                .filter(question -> question.parameter().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new BadRequest("Unknown question '" + printable(value) + "'; use " + allowed + "."));
    }

    /** The window from 'from' (inclusive) to 'to' (exclusive); either open when absent. */
    Window window() {
        return new Window(timestamp("from"), timestamp("to"));
    }

    private LocalDateTime timestamp(String name) {
        String value = value(name);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay();
            }
            return LocalDateTime.parse(value.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new BadRequest("'" + printable(value) + "' is not a timestamp for '" + name
                    + "'; write it as 2026-01-02T00:05:00 (UTC, no zone).");
        }
    }

    /** The postcodes of 'postcodes', comma-separated, normalised and in the order given; empty when absent. */
    List<String> postcodes() {
        String value = value("postcodes");
        if (value == null) {
            return List.of();
        }
        Set<String> postcodes = new LinkedHashSet<>();
        for (String given : value.split(",")) {
            String postcode = normalised(given);
            if (postcode != null) {
                postcodes.add(postcode);
            }
        }
        if (postcodes.size() > MAX_POSTCODES) {
            throw new BadRequest(
                    "Too many postcodes (" + postcodes.size() + "); choose at most " + MAX_POSTCODES + ".");
        }
        return new ArrayList<>(postcodes);
    }

    /** The one postcode of 'postcode', normalised; null when absent or blank (all postcodes). */
    String postcode() {
        String value = value("postcode");
        return value == null ? null : normalised(value);
    }

    /** The one postcode of 'postcode', which must be given. */
    String requiredPostcode() {
        String postcode = postcode();
        if (postcode == null) {
            throw new BadRequest("Parameter 'postcode' is missing; give the postcode to show, such as SW19.");
        }
        return postcode;
    }

    /** How many of the busiest postcodes to show when none is chosen: 'top', 1 to 20, default 5. */
    int top() {
        String value = value("top");
        if (value == null) {
            return DEFAULT_TOP;
        }
        try {
            int top = Integer.parseInt(value);
            if (top >= 1 && top <= MAX_POSTCODES) {
                return top;
            }
        } catch (NumberFormatException e) {
            // Answered below, as for a number out of range.
        }
        throw new BadRequest(
                "'top' must be a whole number from 1 to " + MAX_POSTCODES + ", not '" + printable(value) + "'.");
    }

    private String value(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    private static String normalised(String given) {
        String postcode = Postcodes.normalise(given);
        if (postcode == null) {
            return null;
        }
        if (postcode.length() > MAX_POSTCODE_LENGTH || postcode.chars().anyMatch(Character::isISOControl)) {
            throw new BadRequest("'" + printable(given) + "' is not a postcode: at most " + MAX_POSTCODE_LENGTH
                    + " printable characters.");
        }
        return postcode;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("The query string is not URL-encoded correctly; encode it as a browser does.");
        }
    }

    /** A value as a sentence may quote it: cut short, without control characters. */
    private static String printable(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
