package dev.pvw.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

/** The contract for what a refusal or failure prints (SPEC section 1), asserted the same way by every suite. */
public final class CliSentences {
    /** A log line of the CLI's logback pattern; everything else on stderr is the CLI speaking to the user. */
    public static final Pattern LOG_LINE = Pattern.compile("^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} ");

    /** The remedy clause a sentence ends with: a semicolon, then what to do. */
    private static final Pattern REMEDY =
            Pattern.compile(";\\s*(?:use|run|try|check|give|see|reload|write|fix|restore)\\b[^;]*\\.$");

    private CliSentences() {}

    /**
     * The one sentence a refusal or failure printed: a single non-empty line on stderr apart from log lines, ending with
     * what to do, and no stack trace or usage help.
     */
    public static String sentenceOf(CliResult result) {
        return sentenceOf(result.err(), result.toString());
    }

    public static String sentenceOf(String stderr, String context) {
        List<String> lines = stderr.lines()
                .filter(line -> !line.isBlank())
                .filter(line -> !LOG_LINE.matcher(line).find())
                .toList();
        assertThat(lines).as("one line on stderr besides logs\n" + context).hasSize(1);
        String sentence = lines.get(0);
        assertThat(sentence)
                .as(context)
                .doesNotContain("Exception", "\tat ", "Usage:")
                .containsPattern(REMEDY);
        return sentence;
    }
}
