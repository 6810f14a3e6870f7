package dev.primary.server.licensing;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/** An administrator action that needs a free seat while every seat is in use. */
public final class NoFreeSeatException extends PrimaryException {
    public NoFreeSeatException(String message) {
        super(ProblemType.NO_SEATS, message);
    }
}
