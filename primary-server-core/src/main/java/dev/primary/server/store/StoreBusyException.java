package dev.primary.server.store;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/** The store's write queue is full: the caller should retry later. */
public final class StoreBusyException extends PrimaryException {
    public StoreBusyException(String message) {
        super(ProblemType.SERVER_BUSY, message);
    }
}
