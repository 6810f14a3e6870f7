package dev.primary.server.computer;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/** No computer of that name is known. */
public final class ComputerNotFoundException extends PrimaryException {
    public ComputerNotFoundException(String message) {
        super(ProblemType.NOT_FOUND, message);
    }
}
