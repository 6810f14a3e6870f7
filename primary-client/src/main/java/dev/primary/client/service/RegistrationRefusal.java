package dev.primary.client.service;

import dev.primary.protocol.message.ProblemType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The server refuses to register this client for a reason only an administrator (or time) can change: its enrollment
 * token is missing or refused, another client key holds its computer, or it registered too often from its address.
 * The client then stays unlicensed in the {@link ClientState#REFUSED} state and asks again every retry interval.
 *
 * @param type which refusal
 * @param reason the server's detail (its title when it gave none), shown as the status reason
 * @param retryAfter how long the server asked the client to wait, if it did
 */
record RegistrationRefusal(ProblemType type, String reason, Optional<Duration> retryAfter) {
    private static final Set<ProblemType> TYPES = EnumSet.of(ProblemType.ENROLLMENT_TOKEN_REQUIRED,
            ProblemType.ENROLLMENT_TOKEN_INVALID, ProblemType.ENROLLMENT_TOKEN_EXPIRED,
            ProblemType.ENROLLMENT_TOKEN_USED_UP, ProblemType.ENROLLMENT_TOKEN_REVOKED, ProblemType.COMPUTER_HELD,
            ProblemType.TOO_MANY_REQUESTS);

    /** The refusal {@code refused} is, if it is one of these. */
    static Optional<RegistrationRefusal> of(RequestRefusedException refused) {
        return refused.problem().knownType().filter(TYPES::contains).map(type -> new RegistrationRefusal(type,
                refused.problem().detail().isBlank() ? refused.problem().title() : refused.problem().detail(),
                refused.retryAfter()));
    }

    /**
     * Whether this refusal ends a lease the client still holds. Only {@code computer-held} does: the server knows the
     * computer and says another client key has taken it over (a re-imaged computer, or an administrator's rekey), so
     * the seat is that key's and this client must stop. A refused token or a rate limit on re-registration says
     * nothing about the seat (a server restored without this client, say), so the lease runs on until it expires.
     */
    boolean takesTheSeatAway() {
        return type == ProblemType.COMPUTER_HELD;
    }

    /** What a local administrator can do about it, for the log line; empty when waiting is all there is to do. */
    String remedy() {
        return switch (type) {
            case ENROLLMENT_TOKEN_REQUIRED, ENROLLMENT_TOKEN_INVALID, ENROLLMENT_TOKEN_EXPIRED,
                    ENROLLMENT_TOKEN_USED_UP, ENROLLMENT_TOKEN_REVOKED -> "; give this client a valid enrollment token "
                    + "('client-service repoint --enrollment-token-file FILE', or the Deployment Utility with --force)";
            case COMPUTER_HELD -> "; if this computer was re-imaged or replaced, an administrator of the server lets "
                    + "this client take it over ('primary-admin computer rekey NAME')";
            default -> "";
        };
    }

    /** The problem type's name on the wire ({@code computer-held}). */
    String slug() {
        return type.uri().substring(type.uri().lastIndexOf(':') + 1);
    }
}
