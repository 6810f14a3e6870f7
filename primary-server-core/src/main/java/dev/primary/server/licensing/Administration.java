package dev.primary.server.licensing;

import dev.primary.server.audit.AuditFilter;
import dev.primary.protocol.admin.AuditEntry;
import dev.primary.protocol.admin.ComputerRemoval;
import dev.primary.protocol.admin.CreatedEnrollmentToken;
import dev.primary.protocol.admin.EnrollmentSource;
import dev.primary.protocol.admin.EnrollmentTokenRequest;
import dev.primary.protocol.admin.EnrollmentTokenView;
import dev.primary.protocol.admin.RemovalResult;
import dev.primary.protocol.admin.ComputerPage;
import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.LicenseDetail;
import dev.primary.protocol.admin.LicenseSummary;
import dev.primary.protocol.admin.LicenseView;
import dev.primary.protocol.admin.ReclaimResult;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.server.audit.AuditAction;
import java.util.List;
import java.util.Map;

/**
 * What an administrator can do: the use cases behind {@code /admin/v1/*} and {@code primary-admin}.
 * Computers are named as {@code NAME}, {@code DOMAIN\NAME} or {@code DOMAIN\NAME\USER}; a bare
 * name that matches computers in several domains is an error that asks for the domain.
 * Every change is written to the audit trail with {@code actor}.
 * Failures are {@link dev.primary.server.PrimaryException} subclasses.
 */
public interface Administration {

    /** Imports a vendor-signed license file; it stays pending until unlocked. Idempotent for the same file. */
    LicenseView importLicense(SignedDocument licenseFile, String actor);

    /** Applies a vendor-signed unlock for this installation's registration code: activates the seats. */
    LicenseView unlock(SignedDocument unlockFile, String actor);

    List<LicenseView> licenses();

    LicenseDetail license(String serial);

    LicenseSummary summary();

    ComputerPage computers(ComputerQuery query);

    ComputerView computer(String computer);

    /** Re-checks one computer's seat and lease against the licenses and says where it stands. */
    ComputerView verifyLicense(String computer, String actor);

    /** Reserves a seat for a computer whose client is not installed yet. */
    ComputerView reserve(String computer, String reason, String actor);

    /** Releases a computer's seat (decommissioned, renamed, re-imaged); a waiting computer gets it. */
    ComputerView release(String computer, String reason, String actor);

    /** Revokes a computer: frees its seat and refuses it until reinstated. */
    ComputerView revoke(String computer, String reason, String actor);

    /**
     * Revokes a computer and its client key (which then gets no seat under any name); with {@code withToken},
     * also the enrollment token that enrolled it.
     */
    default ComputerView revoke(String computer, String reason, boolean withToken, String actor) {
        if (withToken) {
            throw new UnsupportedOperationException("revoking with the token is not supported here");
        }
        return revoke(computer, reason, actor);
    }

    /**
     * Lets the next registration of {@code computer} by a new client key take it over, once (a re-imaged or
     * replaced computer). Until then its holder keeps it.
     */
    default ComputerView rekey(String computer, String reason, String actor) {
        throw new UnsupportedOperationException("rekey is not supported here");
    }

    /** Removes many computers that hold no seat at once (waiting or conflict), each one audited. */
    default RemovalResult removeComputers(ComputerRemoval removal, String actor) {
        throw new UnsupportedOperationException("removing computers is not supported here");
    }

    /** Creates an enrollment token; the answer is the only time its secret is shown. */
    default CreatedEnrollmentToken createEnrollmentToken(EnrollmentTokenRequest request, String actor) {
        throw new UnsupportedOperationException("enrollment tokens are not supported here");
    }

    /** Every enrollment token, newest first. */
    default List<EnrollmentTokenView> enrollmentTokens() {
        throw new UnsupportedOperationException("enrollment tokens are not supported here");
    }

    /** Revokes enrollment token {@code id}: it enrolls nothing more (computers it enrolled keep their seats). */
    default EnrollmentTokenView revokeEnrollmentToken(String id, String actor) {
        throw new UnsupportedOperationException("enrollment tokens are not supported here");
    }

    /**
     * Where registrations come from: the source addresses that enrolled the most computers, merged with
     * {@code limited} (requests refused over the per-source limit since start, kept by the edge), most first.
     */
    default List<EnrollmentSource> enrollmentSources(int limit, Map<String, Long> limited) {
        throw new UnsupportedOperationException("enrollment sources are not supported here");
    }

    /**
     * Waiting computers silent longer than the waiting expiry leave the queue (released); conflicts silent as long
     * are removed. Returns how many; run in the background with {@link #reclaimSilent}.
     */
    default int expireSilent(String actor) {
        return 0;
    }

    /** Lifts a revocation; the computer registers anew at its next contact. */
    ComputerView reinstate(String computer, String reason, String actor);

    /** Reclaims the seats of computers silent longer than the configured period, now. */
    ReclaimResult reclaimSilent(String actor);

    /**
     * Writes a change to the running server that the store does not hold (its log level) to the audit trail, at
     * the store's clock; the change is made only once this returned.
     */
    default void recordChange(AuditAction action, String subject, String detail, String actor) {
        throw new UnsupportedOperationException("recording changes is not supported here");
    }

    /** The newest audit entries first, at most {@code limit}, with ids below {@code beforeId} (0 = newest). */
    List<AuditEntry> audit(long beforeId, int limit);

    /** The same, only the entries {@code filter} matches. */
    default List<AuditEntry> audit(AuditFilter filter, long beforeId, int limit) {
        throw new UnsupportedOperationException("filtering the audit trail is not supported here");
    }

    /**
     * One part of the audit trail for export: the newest entries first that {@code filter} matches, with ids below
     * {@code beforeId} (0 = newest), at most {@link #AUDIT_EXPORT_PART} of them, and one more when there are more.
     */
    default List<AuditEntry> auditExport(AuditFilter filter, long beforeId) {
        throw new UnsupportedOperationException("exporting the audit trail is not supported here");
    }

    /** The most audit entries in one part of an export (CSV). */
    int AUDIT_EXPORT_PART = 50_000;
}
