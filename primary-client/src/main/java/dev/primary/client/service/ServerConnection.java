package dev.primary.client.service;

import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.ReportRequest;
import dev.primary.protocol.message.VerifyRequest;

/** The three authenticated calls a Client Service makes to its Primary Server (protocol.md). */
public interface ServerConnection {
    /** {@code POST /v1/register}. */
    CheckInAnswer register(RegisterRequest request) throws ContactFailedException;

    /** {@code POST /v1/verify}. */
    CheckInAnswer verify(VerifyRequest request) throws ContactFailedException;

    /** {@code POST /v1/report}. */
    void report(ReportRequest request) throws ContactFailedException;
}
