package dev.primary.server.release;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/** A release whose version is not newer than its product's newest (and is no signed downgrade), or a content revision not newer than the latest. */
public final class ReleaseNotNewerException extends PrimaryException {
    public ReleaseNotNewerException(String message) {
        super(ProblemType.CONFLICT, message);
    }
}
