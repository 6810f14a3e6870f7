package dev.primary.admin.http;

/** The server answered, but not as the admin API does (wrong status, unreadable body). */
public final class UnexpectedAnswerException extends AdminApiException {
    public UnexpectedAnswerException(String message) {
        super(message);
    }

    public UnexpectedAnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
