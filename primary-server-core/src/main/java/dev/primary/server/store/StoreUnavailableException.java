package dev.primary.server.store;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/**
 * The store failed to read or write (I/O error, closed, timed out): nothing of the failed unit was kept. A full disk
 * is a {@link StoreFullException} instead.
 */
public final class StoreUnavailableException extends PrimaryException {
    public StoreUnavailableException(String message) {
        super(ProblemType.INTERNAL_ERROR, message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(ProblemType.INTERNAL_ERROR, message, cause);
    }
}
