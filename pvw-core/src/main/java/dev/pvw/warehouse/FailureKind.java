package dev.pvw.warehouse;

/** What kind of engine failure a statement met, where it is one a user can act on. */
public enum FailureKind {
    /** The connection to the database broke: the server went away or ended the session. */
    CONNECTION_LOST,
    /** The disk, or a limit on what may be written to it, is full. */
    OUT_OF_SPACE,
    /** The engine had not the memory it needed. */
    OUT_OF_MEMORY,
    /** Anything else: the engine's own message says what. */
    OTHER;

    /** What the operating system says when a file cannot grow, whichever engine relays it. */
    public static boolean isDiskFull(String message) {
        return message.contains("No space left on device")
                || message.contains("File too large")
                || message.contains("Disk quota exceeded");
    }
}
