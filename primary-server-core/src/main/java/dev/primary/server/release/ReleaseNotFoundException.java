package dev.primary.server.release;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/** A rollout of a release that was never added. */
public final class ReleaseNotFoundException extends PrimaryException {
    public ReleaseNotFoundException(String message) {
        super(ProblemType.NOT_FOUND, message);
    }
}
