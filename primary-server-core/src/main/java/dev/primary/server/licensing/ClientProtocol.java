package dev.primary.server.licensing;

import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.ReportRequest;
import dev.primary.protocol.message.VerifyRequest;

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

    /** The periodic check-in: renews the lease or says why not. */
    CheckInAnswer verify(ClientCredentials credentials, VerifyRequest request);

    /** A state change the server shows at once (Recorder started or stopped). */
    void report(ClientCredentials credentials, ReportRequest request);
}
