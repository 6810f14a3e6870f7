package dev.primary.admin.http;

/** A call to the admin API did not give the answer asked for; subclasses say how it failed. */
public abstract sealed class AdminApiException extends RuntimeException
        permits AdminUnreachableException, ProblemAnswerException, UnexpectedAnswerException {
    AdminApiException(String message) {
        super(message);
    }

    AdminApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
