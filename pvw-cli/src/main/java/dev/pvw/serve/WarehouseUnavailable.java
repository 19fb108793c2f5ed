package dev.pvw.serve;

/** The warehouse could not be opened (a run holds it, or the server is unreachable): answered 503, try again. */
final class WarehouseUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WarehouseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
