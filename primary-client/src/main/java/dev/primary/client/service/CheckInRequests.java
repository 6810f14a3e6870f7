package dev.primary.client.service;

import dev.primary.client.ClientVersion;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.ReportRequest;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.protocol.message.Version;

/**
 * What this client tells its server in each request: who it is, what runs (the Recorder version, the Client
 * Service version, the content revision), where its updates stand, the port a nudge reaches it on, and (when it
 * registers) its enrollment token.
 */
final class CheckInRequests {
    private final PublicKey clientKey;
    private final Updates updates;
    private final NudgeSettings nudge;

    CheckInRequests(PublicKey clientKey, Updates updates, NudgeSettings nudge) {
        this.clientKey = clientKey;
        this.updates = updates;
        this.nudge = nudge;
    }

    /** The registration, with the enrollment token (the only request that carries it). */
    RegisterRequest register(ServiceSettings settings, Version running) {
        return new RegisterRequest(settings.computer(), operatingSystem(), ClientVersion.current(), running,
                clientKey.encoded(), settings.timing().verifySeconds(), nudge.port(), settings.enrollmentToken().text());
    }

    VerifyRequest verify(ServiceSettings settings, String leaseId, Version running) {
        return new VerifyRequest(leaseId, running, settings.timing().verifySeconds(), ClientVersion.current(),
                updates.contentRevision(), nudge.port(), updates.reports(), true);
    }

    ReportRequest report(Version running, ClientState state, String reason) {
        return new ReportRequest(running, state.wireName(), truncated(reason, 500), updates.contentRevision(),
                updates.reports());
    }

    private static String operatingSystem() {
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        return truncated(os, 200);
    }

    static String truncated(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
