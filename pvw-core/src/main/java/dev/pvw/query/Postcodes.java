package dev.pvw.query;

/**
 * Postcodes normalised as a run normalises the users extract ({@code users/stage_rows.sql}): trimmed of spaces, tabs,
 * line feeds and carriage returns, a-z upper-cased (no other character changes), and unknown when empty.
 */
public final class Postcodes {
    private static final String BLANKS = " \t\n\r";

    private Postcodes() {}

    /** The normalised postcode, or null for an unknown (null, empty or blank) one. */
    public static String normalise(String postcode) {
        if (postcode == null) {
            return null;
        }
        int start = 0;
        int end = postcode.length();
        while (start < end && BLANKS.indexOf(postcode.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && BLANKS.indexOf(postcode.charAt(end - 1)) >= 0) {
            end--;
        }
        if (start == end) {
            return null;
        }
        StringBuilder normalised = new StringBuilder(end - start);
        for (int index = start; index < end; index++) {
            char character = postcode.charAt(index);
            normalised.append(character >= 'a' && character <= 'z' ? (char) (character - 'a' + 'A') : character);
        }
        return normalised.toString();
    }
}
