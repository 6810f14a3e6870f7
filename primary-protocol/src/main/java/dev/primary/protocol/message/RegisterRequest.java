package dev.primary.protocol.message;

import java.util.Objects;

/**
 * {@code POST /v1/register}: a Client Service's first contact (and every contact while it holds
 * no valid lease). Signed with the client's key, which it carries in {@link #clientKey()}.
 *
 * @param computer the seat holder: computer name + domain, plus user on a multi-user host
 * @param os the operating system, as the client describes it (e.g. "Linux 6.1 amd64")
 * @param clientVersion the Client Service's version
 * @param recorderVersion the version of the Recorder now running, {@link Version#NONE} if none
 * @param clientKey the client's Ed25519 public key (base64url); its key id is the client id
 * @param verifyIntervalSeconds how often the client will check in once licensed, 1 s to one year ({@link VerifyIntervals})
 * @param nudgePort the TCP port on which the client accepts a "check in now" nudge; 0 (or absent) = none
 * @param enrollmentToken the enrollment token the Deployment Utility wrote into the client's configuration;
 *     empty (or absent) when it has none. Needed only while the server does not know the client's key.
 */
public record RegisterRequest(ComputerIdentity computer, String os, Version clientVersion, Version recorderVersion,
        String clientKey, long verifyIntervalSeconds, Integer nudgePort, String enrollmentToken) {
    /** The longest enrollment token accepted on the wire (a real one is 52 characters). */
    public static final int MAX_TOKEN_LENGTH = 200;

    public RegisterRequest(ComputerIdentity computer, String os, Version clientVersion, Version recorderVersion,
            String clientKey, long verifyIntervalSeconds) {
        this(computer, os, clientVersion, recorderVersion, clientKey, verifyIntervalSeconds, 0, "");
    }

    public RegisterRequest(ComputerIdentity computer, String os, Version clientVersion, Version recorderVersion,
            String clientKey, long verifyIntervalSeconds, Integer nudgePort) {
        this(computer, os, clientVersion, recorderVersion, clientKey, verifyIntervalSeconds, nudgePort, "");
    }

    public RegisterRequest {
        nudgePort = NudgePorts.check(nudgePort);
        enrollmentToken = enrollmentToken == null ? "" : enrollmentToken;
        if (enrollmentToken.length() > MAX_TOKEN_LENGTH) {
            throw new IllegalArgumentException("enrollmentToken is longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        Objects.requireNonNull(computer, "computer");
        Objects.requireNonNull(clientVersion, "clientVersion");
        Objects.requireNonNull(recorderVersion, "recorderVersion");
        Objects.requireNonNull(clientKey, "clientKey");
        os = os == null ? "" : os;
        if (os.length() > 200) {
            throw new IllegalArgumentException("os is longer than 200 characters");
        }
        VerifyIntervals.check(verifyIntervalSeconds);
    }
}
