package dev.primary.server.licensing;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/** A request from a client id this server does not know (or no longer knows): the client registers anew. */
public final class UnknownClientException extends PrimaryException {
    public UnknownClientException(String message) {
        super(ProblemType.UNKNOWN_CLIENT, message);
    }
}
