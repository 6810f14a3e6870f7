package dev.primary.server.licensing;

import dev.primary.protocol.admin.CreatedEnrollmentToken;
import dev.primary.protocol.admin.EnrollmentTokenRequest;
import dev.primary.protocol.admin.EnrollmentTokenView;
import dev.primary.protocol.message.EnrollmentCheck;
import dev.primary.protocol.message.EnrollmentCheckAnswer;
import dev.primary.server.audit.AuditAction;
import dev.primary.server.audit.AuditEvent;
import dev.primary.server.computer.ComputerStateConflictException;
import dev.primary.server.enrollment.EnrollmentReads;
import dev.primary.server.enrollment.EnrollmentRefusedException;
import dev.primary.server.enrollment.EnrollmentToken;
import dev.primary.server.enrollment.EnrollmentTokenNotFoundException;
import dev.primary.server.enrollment.TokenText;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Enrollment tokens: an administrator creates them (the secret is shown once and stored as a hash), lists and
 * revokes them; the Deployment Utility checks one before it installs a client; a registration by a client the
 * server does not know uses one up (see {@link CheckIns}).
 */
final class Enrollments {
    private final LicensingStore store;
    private final Clock clock;

    Enrollments(LicensingStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    CreatedEnrollmentToken create(EnrollmentTokenRequest request, String actor) {
        TokenText text = TokenText.random();
        Instant now = clock.instant();
        Instant expiresAt = request.expiresInSeconds() == 0 ? null : now.plusSeconds(request.expiresInSeconds());
        EnrollmentToken token = new EnrollmentToken(text.id(), text.secretHash(), request.label(), request.group(),
                request.uses(), 0, now, actor, expiresAt, null);
        store.write(writes -> {
            writes.insertEnrollmentToken(token);
            writes.audit(new AuditEvent(now, actor, AuditAction.ENROLLMENT_TOKEN_CREATED, subject(token),
                    terms(token)));
            return null;
        });
        return new CreatedEnrollmentToken(text.text(), token.view(now));
    }

    List<EnrollmentTokenView> list() {
        Instant now = clock.instant();
        return store.read(reads -> reads.enrollmentTokens().stream().map(token -> token.view(now)).toList());
    }

    EnrollmentTokenView revoke(String id, String actor) {
        return store.write(writes -> {
            Instant now = clock.instant();
            EnrollmentToken token = writes.enrollmentToken(id).orElseThrow(() -> new EnrollmentTokenNotFoundException(id));
            if (token.revokedAt() != null) {
                throw new ComputerStateConflictException("enrollment token " + id + " is already revoked");
            }
            EnrollmentToken revoked = token.revoked(now);
            writes.updateEnrollmentToken(revoked);
            writes.audit(new AuditEvent(now, actor, AuditAction.ENROLLMENT_TOKEN_REVOKED, subject(token),
                    "revoked after enrolling " + Wording.count(token.used(), "computer")
                            + "; computers it enrolled keep their seats"));
            return revoked.view(now);
        });
    }

    /** Revokes the token {@code id} as part of revoking a computer it enrolled; nothing if it is gone or revoked. */
    static void revokeWith(LicensingWrites writes, String id, String actor, String computer, Instant now) {
        writes.enrollmentToken(id).filter(token -> token.revokedAt() == null).ifPresent(token -> {
            writes.updateEnrollmentToken(token.revoked(now));
            writes.audit(new AuditEvent(now, actor, AuditAction.ENROLLMENT_TOKEN_REVOKED, subject(token),
                    "revoked with " + computer + ", which it enrolled"));
        });
    }

    EnrollmentCheckAnswer check(EnrollmentCheck check) {
        return store.read(reads -> usable(reads, check.enrollmentToken(), clock.instant()).checkAnswer());
    }

    /**
     * The token {@code tokenText} names, if it may enroll a computer at {@code now}.
     *
     * @throws EnrollmentRefusedException naming why not: none given, not issued here (or a wrong secret),
     *     revoked, expired or used up
     */
    static EnrollmentToken usable(EnrollmentReads reads, String tokenText, Instant now) {
        if (tokenText.isBlank()) {
            throw EnrollmentRefusedException.required();
        }
        TokenText text = TokenText.parse(tokenText).orElseThrow(EnrollmentRefusedException::invalid);
        EnrollmentToken token = reads.enrollmentToken(text.id())
                .filter(known -> text.matches(known.secretHash()))
                .orElseThrow(EnrollmentRefusedException::invalid);
        token.refusalAt(now).ifPresent(refusal -> {
            throw refusal;
        });
        return token;
    }

    static String subject(EnrollmentToken token) {
        return "enrollment token " + token.id() + (token.label().isEmpty() ? "" : " (" + token.label() + ")");
    }

    private static String terms(EnrollmentToken token) {
        return (token.uses() == 0 ? "no limit of uses" : Wording.count(token.uses(), "use"))
                + ", " + (token.expiresAt() == null ? "never expires" : "expires " + Wording.time(token.expiresAt()))
                + (token.group().isEmpty() ? "" : ", group " + token.group());
    }
}
