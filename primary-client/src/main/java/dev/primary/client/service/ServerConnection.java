package dev.primary.client.service;

import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.ReportRequest;
import dev.primary.protocol.message.VerifyRequest;
import java.util.Optional;

/** The authenticated calls a Client Service makes to its Primary Server (protocol.md); safe to use from several threads. */
public interface ServerConnection {
    /** {@code POST /v1/register}. */
    CheckInAnswer register(RegisterRequest request) throws ContactFailedException;

    /** {@code POST /v1/verify}. */
    CheckInAnswer verify(VerifyRequest request) throws ContactFailedException;

    /** {@code POST /v1/report}. */
    void report(ReportRequest request) throws ContactFailedException;

    /**
     * {@code GET <downloadPath>} ({@code /v1/packages/<sha256>}) from byte {@code offset} on ({@code Range: bytes=N-}
     * when {@code offset > 0}). The caller reads the body as a stream and closes it.
     */
    PackageBody download(String downloadPath, long offset) throws ContactFailedException;

    /**
     * Abandons the check-in in flight, if any, and every later request (callable from any thread, for a stopping
     * service): their callers get a {@link ServerUnreachableException} at once instead of waiting for the request
     * timeout. Final: the connection is not used again. Does nothing by default.
     */
    default void abandon() {
    }

    /**
     * The server in use now ({@code host:port}, with the address a name resolved to in brackets): the one that answered
     * last; empty before the first answer and after every server of the list failed. Empty by default.
     */
    default Optional<String> inUse() {
        return Optional.empty();
    }
}
