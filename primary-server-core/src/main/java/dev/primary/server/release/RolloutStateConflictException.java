package dev.primary.server.release;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/** A rollout change that does not fit its state: pausing a halted rollout, raising a superseded one, resuming a running one. */
public final class RolloutStateConflictException extends PrimaryException {
    public RolloutStateConflictException(String message) {
        super(ProblemType.CONFLICT, message);
    }
}
