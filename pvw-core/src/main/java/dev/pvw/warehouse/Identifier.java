package dev.pvw.warehouse;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** A table name that is safe to place in SQL text: plain lower-case words, optionally schema-qualified. */
public record Identifier(String name) {
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}(\\.[a-z_][a-z0-9_]{0,62})?");

    public Identifier {
        requireNonNull(name, "name");
        if (!PLAIN_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Identifier '" + name
                    + "' is not a plain name (lower-case letters, digits and _, one optional dot)");
        }
    }

    /** The name as SQL text. */
    public String sql() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
