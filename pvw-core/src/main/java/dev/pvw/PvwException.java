package dev.pvw;

import static java.util.Objects.requireNonNull;

/** The one exception pvw raises on purpose: a sentence for the user and the exit code it maps to. */
public final class PvwException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public PvwException(ErrorCode code, String message) {
        super(requireNonNull(message, "message"));
        this.code = requireNonNull(code, "code");
    }

    public PvwException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message"), cause);
        this.code = requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    /** What went wrong, as the process exit code sees it. */
    public enum ErrorCode {
        /** The run or command failed; nothing was committed. */
        FAILURE(1),
        /** The command line or configuration was wrong. */
        USAGE(2),
        /** A users snapshot was refused by a guard. */
        REFUSED(3);

        private final int exitCode;

        ErrorCode(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }
}
