package dev.primary.admin;

/** A local step of a command failed (a file could not be read, is not what it should be); exit code 1. */
public final class AdminCommandException extends RuntimeException {
    public AdminCommandException(String message) {
        super(message);
    }

    public AdminCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
