package dev.primary.server.computer;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/** A bare computer name that matches computers in several domains. */
public final class AmbiguousComputerException extends PrimaryException {
    public AmbiguousComputerException(String message) {
        super(ProblemType.AMBIGUOUS_COMPUTER, message);
    }
}
