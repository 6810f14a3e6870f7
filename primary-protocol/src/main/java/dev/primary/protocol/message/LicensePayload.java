package dev.primary.protocol.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A vendor's license, signed with the vendor key (a {@link dev.primary.protocol.crypto.SignedDocument}
 * of kind {@code license}). Importing it into a Primary Server makes it pending; an unlock bound to
 * that server's registration code activates its seats.
 *
 * @param serial the license serial number (letters, digits and '-')
 * @param customer who it is licensed to
 * @param seats how many seats it grants (at least 1)
 * @param issuedAt when the vendor issued it
 * @param expiresAt when it ends; absent for a perpetual license
 * @param features the features it enables
 */
public record LicensePayload(String serial, String customer, int seats, Instant issuedAt, Instant expiresAt,
        List<String> features) {
    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

    public LicensePayload {
        if (serial == null || !SERIAL.matcher(serial).matches()) {
            throw new IllegalArgumentException("serial must be 1-64 letters, digits or '-'; got \"" + serial + "\"");
        }
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (seats < 1) {
            throw new IllegalArgumentException("seats must be at least 1, got " + seats);
        }
        if (expiresAt != null && !expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a license must expire after it is issued");
        }
        features = features == null ? List.of() : List.copyOf(features);
    }

    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
