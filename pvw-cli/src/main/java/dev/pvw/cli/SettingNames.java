package dev.pvw.cli;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a settings record's validation message into the words of the command line: each setting's name becomes its
 * option's, so that "users must be from 10 to ..." reads "--users must be from 10 to ...".
 *
 * @param options option by setting name
 */
record SettingNames(Map<String, String> options) {
    SettingNames {
        options = Map.copyOf(options);
    }

    String inOptions(String message) {
        requireNonNull(message, "message");
        Pattern settings = Pattern.compile("\\b(" + String.join("|", options.keySet()) + ")\\b");
        return settings.matcher(message).replaceAll(match -> Matcher.quoteReplacement(options.get(match.group(1))));
    }
}
