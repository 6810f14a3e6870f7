package dev.primary.server.enrollment;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/**
 * A registration (or a Deployment Utility's check) whose enrollment token does not allow enrolling a computer:
 * missing, not issued here, expired, used up or revoked. Its problem type names which (401).
 */
public final class EnrollmentRefusedException extends PrimaryException {
    private EnrollmentRefusedException(ProblemType type, String message) {
        super(type, message);
    }

    public static EnrollmentRefusedException required() {
        return new EnrollmentRefusedException(ProblemType.ENROLLMENT_TOKEN_REQUIRED,
                "this server enrolls new clients only with an enrollment token: create one with "
                        + "'primary-admin enrollment create' and give it to the Deployment Utility (--enrollment-token)");
    }

    public static EnrollmentRefusedException invalid() {
        return new EnrollmentRefusedException(ProblemType.ENROLLMENT_TOKEN_INVALID,
                "the enrollment token is not one this server issued (check that it was copied whole)");
    }

    public static EnrollmentRefusedException expired(String id, String when) {
        return new EnrollmentRefusedException(ProblemType.ENROLLMENT_TOKEN_EXPIRED,
                "enrollment token " + id + " expired " + when);
    }

    public static EnrollmentRefusedException usedUp(String id, int uses) {
        return new EnrollmentRefusedException(ProblemType.ENROLLMENT_TOKEN_USED_UP,
                "enrollment token " + id + " has enrolled all " + uses + " computer" + (uses == 1 ? "" : "s")
                        + " it allows");
    }

    public static EnrollmentRefusedException revoked(String id, String when) {
        return new EnrollmentRefusedException(ProblemType.ENROLLMENT_TOKEN_REVOKED,
                "enrollment token " + id + " was revoked " + when);
    }
}
