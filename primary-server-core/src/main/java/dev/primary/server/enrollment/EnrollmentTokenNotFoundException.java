package dev.primary.server.enrollment;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/** An administrator named an enrollment token id this server never issued (404). */
public final class EnrollmentTokenNotFoundException extends PrimaryException {
    public EnrollmentTokenNotFoundException(String id) {
        super(ProblemType.NOT_FOUND, "no enrollment token has the id \"" + id + "\"; 'primary-admin enrollment list' shows them");
    }
}
