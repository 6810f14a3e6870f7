package dev.primary.admin;

import java.util.function.Supplier;

/** The command line does not say enough, or says something invalid; exit code 2. */
public final class AdminUsageException extends RuntimeException {
    public AdminUsageException(String message) {
        super(message);
    }

    /**
     * What {@code fromOptions} builds out of the command's options; the {@link IllegalArgumentException} of an
     * invalid option as a usage error with its message.
     */
    public static <T> T validated(Supplier<T> fromOptions) {
        try {
            return fromOptions.get();
        } catch (IllegalArgumentException e) {
            throw new AdminUsageException(e.getMessage());
        }
    }
}
