package dev.pvw.testing;

/** What one {@code pvw} invocation returned and printed. */
public record CliResult(int exitCode, String out, String err) {
    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
