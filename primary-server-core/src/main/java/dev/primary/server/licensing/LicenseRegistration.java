package dev.primary.server.licensing;

import dev.primary.protocol.admin.LicenseView;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.message.LicensePayload;
import dev.primary.protocol.message.RegistrationCode;
import dev.primary.protocol.message.UnlockPayload;
import dev.primary.server.audit.AuditAction;
import dev.primary.server.audit.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A license's way onto this server: imported (pending registration, with this installation's
 * registration code), then unlocked by the vendor's answer to that code. Freed-up capacity goes
 * to waiting computers at once.
 */
final class LicenseRegistration {
    private static final Logger LOG = LoggerFactory.getLogger(LicenseRegistration.class);

    private final LicensingStore store;
    private final VendorDocuments documents;
    private final SeatPool pool;
    private final Clock clock;
    private final String serverId;

    LicenseRegistration(LicensingStore store, VendorDocuments documents, SeatPool pool, Clock clock,
            String serverId) {
        this.store = store;
        this.documents = documents;
        this.pool = pool;
        this.clock = clock;
        this.serverId = serverId;
    }

    LicenseView importLicense(SignedDocument file, String actor) {
        LicensePayload terms = documents.license(file);
        if (terms.expiredAt(clock.instant())) {
            throw new LicenseInvalidException("license " + terms.serial() + " expired "
                    + Wording.time(terms.expiresAt()) + "; ask the vendor for a current license file");
        }
        LicenseView view = store.write(writes -> {
            Instant now = clock.instant();
            Optional<License> known = writes.license(terms.serial());
            if (known.isEmpty()) {
                License imported = License.imported(terms, file,
                        RegistrationCode.of(terms.serial(), serverId).text(), now);
                writes.insertLicense(imported, file);
                audit(writes, now, actor, AuditAction.LICENSE_IMPORTED, imported, Wording.count(terms.seats(), "seat")
                        + " for " + terms.customer() + ", pending registration");
                return imported.view(now);
            }
            if (known.get().cameFrom(file)) {
                return known.get().view(now);
            }
            return replaceTerms(writes, known.get(), terms, file, actor, now);
        });
        LOG.info("license {} imported: {} seats, {}", view.serial(), view.seats(), view.state().wireName());
        return view;
    }

    private LicenseView replaceTerms(LicensingWrites writes, License known, LicensePayload terms,
            SignedDocument file, String actor, Instant now) {
        if (!terms.issuedAt().isAfter(known.issuedAt())) {
            throw new LicenseInvalidException("this file for license " + known.serial() + " was issued "
                    + Wording.time(terms.issuedAt()) + ", not after the one already imported (issued "
                    + Wording.time(known.issuedAt()) + "); nothing changed");
        }
        License updated = known.withTerms(terms, file);
        writes.updateLicenseTerms(updated, file);
        audit(writes, now, actor, AuditAction.LICENSE_UPDATED, updated, "newer terms issued "
                + Wording.time(terms.issuedAt()) + ": " + Wording.count(terms.seats(), "seat")
                + (terms.expiresAt() == null ? ", perpetual" : " until " + Wording.time(terms.expiresAt())));
        pool.grantToWaiting(writes, actor, now);
        return writes.license(known.serial()).orElseThrow().view(now);
    }

    LicenseView unlock(SignedDocument file, String actor) {
        UnlockPayload unlock = documents.unlock(file);
        RegistrationCode code;
        try {
            code = RegistrationCode.parse(unlock.registrationCode());
        } catch (IllegalArgumentException e) {
            throw new LicenseInvalidException("the unlock file's registration code is not valid: " + e.getMessage());
        }
        if (!code.serial().equalsIgnoreCase(unlock.serial())) {
            throw new LicenseInvalidException("the unlock file names license " + unlock.serial()
                    + " but its registration code is for license " + code.serial());
        }
        LicenseView view = store.write(writes -> {
            Instant now = clock.instant();
            License license = findIgnoringCase(writes, unlock.serial());
            RegistrationCode ours = RegistrationCode.of(license.serial(), serverId);
            if (!ours.binding().equals(code.binding())) {
                throw new LicenseInvalidException("the unlock is for registration code " + code.text()
                        + ", but this installation's code for license " + license.serial() + " is " + ours.text()
                        + ": the unlock was made for another installation");
            }
            if (license.isUnlocked()) {
                return license.view(now);
            }
            if (license.expiredAt(now)) {
                throw new LicenseInvalidException("license " + license.serial() + " expired "
                        + Wording.time(license.expiresAt()) + "; unlocking it would grant no seat");
            }
            writes.unlockLicense(license.serial(), now, file);
            audit(writes, now, actor, AuditAction.LICENSE_UNLOCKED, license,
                    Wording.count(license.seats(), "seat") + " now active");
            pool.grantToWaiting(writes, actor, now);
            return writes.license(license.serial()).orElseThrow().view(now);
        });
        LOG.info("license {} unlocked: {} seats active", view.serial(), view.seats());
        return view;
    }

    private static License findIgnoringCase(LicensingReads reads, String serial) {
        return reads.license(serial)
                .or(() -> reads.licenses().stream().filter(known -> known.serial().equalsIgnoreCase(serial)).findFirst())
                .orElseThrow(() -> new LicenseNotFoundException("license " + serial
                        + " is not imported on this server; import its license file before the unlock"));
    }

    private static void audit(LicensingWrites writes, Instant now, String actor, AuditAction action, License license,
            String detail) {
        writes.audit(new AuditEvent(now, actor, action, license.serial(), detail));
    }
}
