package dev.primary.server.licensing;

import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.EnrollmentCheck;
import dev.primary.protocol.message.EnrollmentCheckAnswer;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.ReportRequest;
import dev.primary.protocol.message.VerifyRequest;
import java.util.Optional;

/**
 * What the Primary Server does for Client Services: the use cases behind {@code /v1/*}. Every
 * method but {@link #hello()} authenticates the caller from its {@link ClientCredentials} first
 * and throws a {@link dev.primary.server.PrimaryException} subclass when it cannot.
 * A seat grant is durable before the method returns.
 */
public interface ClientProtocol {

    Hello hello();

    /** First contact, or contact without a valid lease: grants a seat, queues for one, or refuses. */
    CheckInAnswer register(ClientCredentials credentials, RegisterRequest request);

    /**
     * Whether an enrollment token would enroll a computer now (for the Deployment Utility); uses nothing up.
     *
     * @throws dev.primary.server.enrollment.EnrollmentRefusedException naming why the token is refused
     */
    default EnrollmentCheckAnswer checkEnrollment(EnrollmentCheck check) {
        throw new UnsupportedOperationException("enrollment is not supported here");
    }

    /** The periodic check-in: renews the lease or says why not. */
    CheckInAnswer verify(ClientCredentials credentials, VerifyRequest request);

    /**
     * The same check-in answered from memory alone, when it can be: without waiting for the store, a lock or another
     * thread, so that a network thread may run it. Empty when it cannot (the default): then {@link #verify} answers it.
     * A present answer is the one {@code verify} would have given, with the same effects; an exception is one
     * {@code verify} would throw for the same request.
     */
    default Optional<CheckInAnswer> verifyAtOnce(ClientCredentials credentials, VerifyRequest request) {
        return Optional.empty();
    }

    /** A state change the server shows at once (Recorder started or stopped), and where the client stands with its updates. */
    void report(ClientCredentials credentials, ReportRequest request);

    /**
     * Checks that the caller may fetch the package with SHA-256 {@code sha256} ({@code GET /v1/packages/<sha256>}):
     * authenticated like {@link #verify} (signature over an empty body, sequence above the last accepted one),
     * its computer holds a seat, and the package belongs to a known release or content update.
     * Returns normally when it may; the edge then streams the package.
     *
     * @throws DownloadRefusedException when the client holds no seat (409) or the package is not one it may fetch (404)
     * @throws UnknownClientException when the client is not registered
     * @throws ClientSignatureInvalidException when the signature does not verify with the client's key
     * @throws ReplayedRequestException when the sequence is not above the last accepted one
     */
    default void authorizeDownload(ClientCredentials credentials, String sha256) {
        throw DownloadRefusedException.unknownPackage("this server serves no packages");
    }
}
