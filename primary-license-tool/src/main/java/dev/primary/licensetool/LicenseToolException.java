package dev.primary.licensetool;

/** A license tool command could not do what was asked; the message says what and why. */
public final class LicenseToolException extends RuntimeException {
    public LicenseToolException(String message) {
        super(message);
    }

    public LicenseToolException(String message, Throwable cause) {
        super(message, cause);
    }
}
