package dev.primary.server.licensing;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/**
 * A registration that claims a computer another client key holds: the claim is recorded as a conflict
 * (Manage Computers shows it) and gets no seat (409 {@code computer-held}).
 */
public final class ComputerHeldException extends PrimaryException {
    public ComputerHeldException(String message) {
        super(ProblemType.COMPUTER_HELD, message);
    }
}
