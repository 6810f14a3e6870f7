package dev.primary.bench.fleet.client;

import dev.primary.bench.fleet.transport.Header;
import dev.primary.bench.fleet.transport.OutgoingRequest;
import dev.primary.protocol.crypto.RequestMac;
import dev.primary.protocol.crypto.RequestSignature;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInKey;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.VerifyRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One simulated Client Service: its own Ed25519 key, its own computer name, a strictly increasing request sequence
 * ({@code max(last + 1, epoch milliseconds)}, as the real client), and the lease id of its last licensed answer.
 * Its requests are signed exactly as the real Client Service signs them ({@link RequestSignature}).
 *
 * <p>It does not verify the lease's signature (the real client does): the simulator spends its CPU on load.
 * A client is used by one lane at a time; handing it between lanes through a concurrent queue publishes its state.
 */
public final class SimulatedClient {
    static final String REGISTER = "/v1/register";
    static final String VERIFY = "/v1/verify";
    static final String PACKAGES = "/v1/packages/";

    private final int index;
    private final SigningKey key;
    private final String clientId;
    private final ComputerIdentity computer;
    private final ClientProfile profile;
    private final LongSupplier epochMillis;
    private long sequence;
    private String leaseId;
    private CheckInKey checkInKey;

    public SimulatedClient(int index, SigningKey key, ComputerIdentity computer, ClientProfile profile,
            LongSupplier epochMillis) {
        if (index < 0) {
            throw new IllegalArgumentException("a client index cannot be negative, got " + index);
        }
        this.index = index;
        this.key = Objects.requireNonNull(key, "key");
        this.clientId = key.publicKey().keyId();
        this.computer = Objects.requireNonNull(computer, "computer");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.epochMillis = Objects.requireNonNull(epochMillis, "epochMillis");
    }

    /** Its place in the fleet (0-based); also its TLS ticket slot. */
    public int index() {
        return index;
    }

    public String clientId() {
        return clientId;
    }

    public ComputerIdentity computer() {
        return computer;
    }

    /** The lease id of its last licensed answer, if it had one. */
    public Optional<String> leaseId() {
        return Optional.ofNullable(leaseId);
    }

    /** Takes {@code leaseId} as its lease, as a client restored from its state would (seeded fleets, baselines). */
    public void holdLease(String leaseId) {
        if (leaseId == null || leaseId.isBlank()) {
            throw new IllegalArgumentException("a lease id is not blank");
        }
        this.leaseId = leaseId;
    }

    /** A signed {@code POST /v1/register}, with the profile's enrollment token (if it has one). */
    public OutgoingRequest register() {
        RegisterRequest request = new RegisterRequest(computer, profile.os(), profile.clientVersion(),
                profile.recorderVersion(), key.publicKey().encoded(), profile.verifyIntervalSeconds(), 0,
                profile.enrollmentToken());
        return signedPost(REGISTER, Json.write(request));
    }

    /** A signed {@code POST /v1/verify} for its lease, keeping it while the server says it stays good. */
    public OutgoingRequest verify() {
        return verify(true);
    }

    /** A signed {@code POST /v1/verify} that asks for a newly signed lease (as clients before keepsCurrentLease). */
    public OutgoingRequest verifyRenewing() {
        return verify(false);
    }

    private OutgoingRequest verify(boolean keepsCurrentLease) {
        if (leaseId == null) {
            throw new IllegalStateException("client " + computer + " has no lease to verify; register it first");
        }
        VerifyRequest request = new VerifyRequest(leaseId, profile.recorderVersion(), profile.verifyIntervalSeconds(),
                profile.clientVersion(), 0L, 0, List.of(), keepsCurrentLease);
        return signedPost(VERIFY, Json.write(request));
    }

    /**
     * A {@code POST /v1/verify} keeping its lease, authenticated with its check-in key ({@link RequestMac}) when it holds
     * one; else signed, asking for a key ({@link RequestMac#TAKES_KEY}), as the Client Service does.
     */
    public OutgoingRequest verifyWithCheckInKey() {
        if (leaseId == null) {
            throw new IllegalStateException("client " + computer + " has no lease to verify; register it first");
        }
        VerifyRequest request = new VerifyRequest(leaseId, profile.recorderVersion(), profile.verifyIntervalSeconds(),
                profile.clientVersion(), 0L, 0, List.of(), true);
        byte[] body = Json.write(request);
        long number = nextSequence();
        if (checkInKey == null) {
            List<Header> headers = new java.util.ArrayList<>(signatureHeaders("POST", VERIFY, number, body));
            headers.add(new Header(RequestMac.TAKES_KEY, RequestMac.TAKES_KEY_VALUE));
            return OutgoingRequest.postJson(VERIFY, headers, body);
        }
        return OutgoingRequest.postJson(VERIFY, List.of(new Header(RequestSignature.CLIENT_ID, clientId),
                new Header(RequestSignature.SEQUENCE, Long.toString(number)),
                new Header(RequestMac.KEY_VERSION, Integer.toString(checkInKey.version())),
                new Header(RequestMac.MAC, RequestMac.header(checkInKey.bytes(), "POST", VERIFY, clientId, number,
                        body))), body);
    }

    /** Whether it holds a check-in key. */
    public boolean holdsCheckInKey() {
        return checkInKey != null;
    }

    /** A signed {@code GET /v1/packages/<sha256>} (signed over an empty body). */
    public OutgoingRequest download(String sha256) {
        String path = PACKAGES + sha256;
        long number = nextSequence();
        return OutgoingRequest.get(path, signatureHeaders("GET", path, number, new byte[0]));
    }

    /** Reads a check-in answer body and remembers the lease id of a licensed one. */
    public CheckInResult accept(byte[] answerBody) {
        CheckInResult result = CheckInResult.read(answerBody);
        if (result.leaseId() != null) {
            leaseId = result.leaseId();
        }
        if (result.checkInKey() != null) {
            checkInKey = result.checkInKey();
        }
        return result;
    }

    private OutgoingRequest signedPost(String path, byte[] body) {
        long number = nextSequence();
        return OutgoingRequest.postJson(path, signatureHeaders("POST", path, number, body), body);
    }

    private List<Header> signatureHeaders(String method, String path, long number, byte[] body) {
        return List.of(new Header(RequestSignature.CLIENT_ID, clientId),
                new Header(RequestSignature.SEQUENCE, Long.toString(number)),
                new Header(RequestSignature.SIGNATURE, RequestSignature.sign(key, method, path, number, body)));
    }

    private long nextSequence() {
        sequence = Math.max(sequence + 1, epochMillis.getAsLong());
        return sequence;
    }

    @Override
    public String toString() {
        return "SimulatedClient[" + index + ", " + computer + "]";
    }
}
