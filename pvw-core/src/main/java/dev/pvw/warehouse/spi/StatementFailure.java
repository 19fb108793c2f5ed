package dev.pvw.warehouse.spi;

import static java.util.Objects.requireNonNull;

import dev.pvw.warehouse.FailureKind;

/** A statement an engine could not run: what kind of failure it was, and the engine's reason in one line. */
public final class StatementFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final FailureKind kind;

    public StatementFailure(FailureKind kind, String detail, Throwable cause) {
        super(requireNonNull(detail, "detail"), cause);
        this.kind = requireNonNull(kind, "kind");
    }

    public FailureKind kind() {
        return kind;
    }

    /** The engine's reason, on one line, without a final period. */
    public String detail() {
        return getMessage();
    }
}
