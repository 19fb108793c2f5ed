package dev.pvw.serve;

/** A request the page cannot answer as asked: answered 400 with the message, one sentence. */
final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
        super(message);
    }
}
