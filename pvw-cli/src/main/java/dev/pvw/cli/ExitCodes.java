package dev.pvw.cli;

import dev.pvw.PvwException.ErrorCode;

/** The exit codes of SPEC section 1. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILURE = ErrorCode.FAILURE.exitCode();
    static final int USAGE = ErrorCode.USAGE.exitCode();
    static final int REFUSED = ErrorCode.REFUSED.exitCode();

    private ExitCodes() {}
}
