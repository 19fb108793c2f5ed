package dev.pvw.testing;

/**
 * Which tier of the suite runs: {@code fast} ({@code mvn verify}, every rule on every engine) or {@code full}
 * ({@code mvn verify -Pfull}: many more seeds of the randomised scenarios, and the volume tests at their full size).
 */
public final class TestTier {
    private TestTier() {}

    /** Whether the full tier runs (system property {@code pvw.tier=full}, which the Maven profile sets). */
    public static boolean full() {
        return "full".equals(System.getProperty("pvw.tier", "fast"));
    }
}
