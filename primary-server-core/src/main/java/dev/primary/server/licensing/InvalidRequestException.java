package dev.primary.server.licensing;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/** A request that is well-formed JSON but makes no sense, such as a client id that is not the key id of the key sent. */
public final class InvalidRequestException extends PrimaryException {
    public InvalidRequestException(String message) {
        super(ProblemType.MALFORMED_REQUEST, message);
    }
}
