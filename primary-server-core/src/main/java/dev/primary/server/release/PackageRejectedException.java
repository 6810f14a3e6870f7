package dev.primary.server.release;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/** An uploaded package is not what was announced (size or SHA-256), or cannot be stored. */
public final class PackageRejectedException extends PrimaryException {
    public PackageRejectedException(String message) {
        super(ProblemType.MALFORMED_REQUEST, message);
    }
}
