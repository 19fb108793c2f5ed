package dev.pvw.quality;

/**
 * Values from the extracts as they can be shown on a terminal: control characters (which a hostile postcode or URL
 * may hold, an escape sequence included) are written as {@code \\uXXXX}, so that output never moves the cursor,
 * changes colours or splits a line.
 */
public final class Printable {
    private Printable() {}

    /** The value with every control character escaped; null stays null. */
    public static String text(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder printable = null;
        for (int index = 0; index < value.length(); index++) {
            char character = value.charAt(index);
            boolean control = Character.isISOControl(character) || character == '\u2028' || character == '\u2029';
            if (control && printable == null) {
                printable = new StringBuilder(value.length() + 8).append(value, 0, index);
            }
            if (printable != null) {
                if (control) {
                    printable.append(String.format("\\u%04X", (int) character));
                } else {
                    printable.append(character);
                }
            }
        }
        return printable == null ? value : printable.toString();
    }

    /** A postcode as messages show it: escaped, quoted, and "(unknown)" for NULL. */
    public static String postcode(String postcode) {
        return postcode == null ? "(unknown)" : "'" + text(postcode) + "'";
    }
}
