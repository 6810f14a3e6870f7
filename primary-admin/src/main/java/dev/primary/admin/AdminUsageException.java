package dev.primary.admin;

/** The command line does not say enough, or says something invalid; exit code 2. */
public final class AdminUsageException extends RuntimeException {
    public AdminUsageException(String message) {
        super(message);
    }
}
