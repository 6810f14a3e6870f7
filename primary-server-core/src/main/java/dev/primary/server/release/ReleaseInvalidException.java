package dev.primary.server.release;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/** A release or content manifest this server refuses: unsigned, altered, signed by an untrusted key, malformed, or naming a package that is not uploaded or not the one uploaded. */
public final class ReleaseInvalidException extends PrimaryException {
    public ReleaseInvalidException(String message) {
        super(ProblemType.MALFORMED_REQUEST, message);
    }
}
