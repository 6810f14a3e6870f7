package dev.primary.server.store;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/** Another server process (or another store in this one) already has the data directory's database open. */
public final class StoreLockedException extends PrimaryException {
    public StoreLockedException(String message) {
        super(ProblemType.INTERNAL_ERROR, message);
    }
}
