package dev.pvw.warehouse;

import static java.util.Objects.requireNonNull;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import java.util.regex.Pattern;

/** A database role's name as given on the command line: a plain identifier, checked before it goes near SQL. */
public record RoleName(String name) {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

    public RoleName {
        requireNonNull(name, "name");
        if (!PLAIN_NAME.matcher(name).matches()) {
            throw new PvwException(
                    ErrorCode.USAGE,
                    "Role name '" + name + "' is not a plain identifier; use letters, digits, _ and $ (up to 63,"
                            + " not starting with a digit).");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
