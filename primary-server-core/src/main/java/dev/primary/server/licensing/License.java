package dev.primary.server.licensing;

import dev.primary.protocol.admin.LicenseView;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.message.LicensePayload;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A vendor license imported into this server. It grants seats once unlocked and until it expires.
 *
 * @param serial the license serial
 * @param customer who it is licensed to
 * @param seats how many seats it grants
 * @param used how many of them computers hold (kept by the store with every grant and release)
 * @param issuedAt when the vendor issued the terms in force
 * @param expiresAt when it ends; {@code null} for a perpetual license
 * @param features the features its leases carry
 * @param fileSignature the signature of the license file the terms come from: names that exact file
 *     (the files themselves are kept by the store, and not loaded with every seat decision)
 * @param registrationCode this installation's registration code for it
 * @param importedAt when it was first imported
 * @param unlockedAt when it was unlocked; {@code null} while pending registration
 */
public record License(String serial, String customer, int seats, int used, Instant issuedAt, Instant expiresAt,
        List<String> features, String fileSignature, String registrationCode, Instant importedAt,
        Instant unlockedAt) {
    public License {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(fileSignature, "fileSignature");
        Objects.requireNonNull(registrationCode, "registrationCode");
        Objects.requireNonNull(importedAt, "importedAt");
        features = List.copyOf(features);
    }

    /** A newly imported license, pending registration. */
    public static License imported(LicensePayload terms, SignedDocument licenseFile, String registrationCode,
            Instant now) {
        return new License(terms.serial(), terms.customer(), terms.seats(), 0, terms.issuedAt(), terms.expiresAt(),
                terms.features(), licenseFile.signature(), registrationCode, now, null);
    }

    /** The same license with newer terms from the vendor; the unlock and the seats held are kept. */
    public License withTerms(LicensePayload terms, SignedDocument newLicenseFile) {
        return new License(serial, terms.customer(), terms.seats(), used, terms.issuedAt(), terms.expiresAt(),
                terms.features(), newLicenseFile.signature(), registrationCode, importedAt, unlockedAt);
    }

    /** Whether {@code file} is the very file these terms came from. */
    public boolean cameFrom(SignedDocument file) {
        return fileSignature.equals(file.signature());
    }

    public boolean isUnlocked() {
        return unlockedAt != null;
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Whether its seats count now: unlocked and not expired. */
    public boolean activeAt(Instant now) {
        return isUnlocked() && !expiredAt(now);
    }

    public LicenseView.State stateAt(Instant now) {
        if (expiredAt(now)) {
            return LicenseView.State.EXPIRED;
        }
        return isUnlocked() ? LicenseView.State.ACTIVE : LicenseView.State.PENDING_REGISTRATION;
    }

    public LicenseView view(Instant now) {
        return new LicenseView(serial, customer, seats, used, stateAt(now), registrationCode, issuedAt, expiresAt,
                features, importedAt);
    }
}
