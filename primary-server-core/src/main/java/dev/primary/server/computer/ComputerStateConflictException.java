package dev.primary.server.computer;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/** An administrator action that does not fit the computer's state (revoke a revoked computer, release a seat it does not hold). */
public final class ComputerStateConflictException extends PrimaryException {
    public ComputerStateConflictException(String message) {
        super(ProblemType.CONFLICT, message);
    }
}
