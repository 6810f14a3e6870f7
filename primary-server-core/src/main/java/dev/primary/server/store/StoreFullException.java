package dev.primary.server.store;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;
import java.io.IOException;
import java.util.Locale;

/**
 * The disk under the store is full (SQLite's {@code SQLITE_FULL}, or a write that failed with "No space left on
 * device"): nothing of the failed unit was kept, and the same request succeeds once space is freed. Answered
 * 503 {@code storage-full} with {@code Retry-After}.
 */
public final class StoreFullException extends PrimaryException {
    public StoreFullException(String message, Throwable cause) {
        super(ProblemType.STORAGE_FULL, message, cause);
    }

    /** Whether an I/O failure says the disk (or the user's quota) is full. */
    public static boolean isDiskFull(IOException failure) {
        String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("no space left on device") || message.contains("disk quota exceeded");
    }
}
