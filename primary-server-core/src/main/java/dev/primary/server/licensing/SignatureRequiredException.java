package dev.primary.server.licensing;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/**
 * A request authenticated with a check-in MAC that must be signed instead: the MAC does not verify, its key version is
 * not the current one, no check-in keys are handed out, or the route takes signatures only. Nothing of it was stored.
 */
public final class SignatureRequiredException extends PrimaryException {
    public SignatureRequiredException(String message) {
        super(ProblemType.SIGNATURE_REQUIRED, message);
    }
}
