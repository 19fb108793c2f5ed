package dev.pvw.serve;

import dev.pvw.query.Grain;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The CSV downloads of an answer, each with the {@code pvw query} command that prints exactly its rows. */
final class Downloads {
    /** A value the shell takes as one word without quotes. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9._:-]+");

    private Downloads() {}

    static List<Answers.Download> of(List<Question> questions, Grain grain, Window window, String postcode) {
        return questions.stream()
                .map(question -> download(question, grain, window, postcode))
                .toList();
    }

    private static Answers.Download download(Question question, Grain grain, Window window, String postcode) {
        List<String> command = new ArrayList<>(List.of("pvw", "query", question.parameter()));
        StringBuilder href = new StringBuilder("api/csv?question=" + question.parameter());
        add(command, href, "grain", grain.name().toLowerCase(Locale.ROOT));
        add(command, href, "from", Answers.timestamp(window.from()));
        add(command, href, "to", Answers.timestamp(window.to()));
        add(command, href, "postcode", postcode);
        command.addAll(List.of("--format", "csv"));
        return new Answers.Download(question.parameter(), String.join(" ", command), href.toString());
    }

    private static void add(List<String> command, StringBuilder href, String name, String value) {
        if (value == null) {
            return;
        }
        command.add("--" + name);
        command.add(PLAIN_WORD.matcher(value).matches() ? value : "'" + value.replace("'", "'\\''") + "'");
        href.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
