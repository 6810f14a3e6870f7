package dev.primary.server.licensing;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/** A license serial this server has not imported. */
public final class LicenseNotFoundException extends PrimaryException {
    public LicenseNotFoundException(String message) {
        super(ProblemType.NOT_FOUND, message);
    }
}
