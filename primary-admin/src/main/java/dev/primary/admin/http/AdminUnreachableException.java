package dev.primary.admin.http;

/**
 * The admin API could not be reached: no endpoint file (the server never started with that data
 * directory), nothing answers, or the server presented another TLS key than the pinned one.
 */
public final class AdminUnreachableException extends AdminApiException {
    public AdminUnreachableException(String message) {
        super(message);
    }

    public AdminUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
