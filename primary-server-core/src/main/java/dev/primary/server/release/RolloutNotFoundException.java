package dev.primary.server.release;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/** No rollout has that id. */
public final class RolloutNotFoundException extends PrimaryException {
    public RolloutNotFoundException(String message) {
        super(ProblemType.NOT_FOUND, message);
    }
}
