package dev.primary.protocol.message;

import java.time.Instant;
import java.util.Objects;

/**
 * The vendor's answer to a registration code, signed with the vendor key (a
 * {@link dev.primary.protocol.crypto.SignedDocument} of kind {@code unlock}). It activates license
 * {@link #serial()} on the one server installation whose registration code it names.
 */
public record UnlockPayload(String serial, String registrationCode, Instant issuedAt) {
    public UnlockPayload {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(registrationCode, "registrationCode");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
