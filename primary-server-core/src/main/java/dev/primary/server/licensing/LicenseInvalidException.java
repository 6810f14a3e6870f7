package dev.primary.server.licensing;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/** A license or unlock file this server refuses: bad signature, untrusted key, another installation's code, expired. */
public final class LicenseInvalidException extends PrimaryException {
    public LicenseInvalidException(String message) {
        super(ProblemType.LICENSE_INVALID, message);
    }
}
